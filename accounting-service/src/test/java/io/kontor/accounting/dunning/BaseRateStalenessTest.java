package io.kontor.accounting.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §247 (1) BGB: the base rate changes on 1 January and 1 July; a table without the current half-year is stale. */
class BaseRateStalenessTest {

    private static final BaseRateTable TABLE = BaseRateTable.parse(List.of("2025-01-01:2.27", "2025-07-01:1.27"));

    @Test
    void a_half_year_without_its_entry_is_reported_from_its_first_day() {
        assertThat(TABLE.missingEntryFor(LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(TABLE.missingEntryFor(LocalDate.parse("2026-01-01"))).contains(LocalDate.parse("2026-01-01"));
        assertThat(TABLE.missingEntryFor(LocalDate.parse("2026-08-15"))).contains(LocalDate.parse("2026-07-01"));
    }
}
