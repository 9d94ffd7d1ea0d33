package io.kontor.legal.document;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §305 (2) BGB: a version takes effect no earlier than customers can read it, and one at a time. */
class PublicationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 2);

    @ParameterizedTest(name = "effective {0}, previous version from {1}: allowed {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-06-02, -,          true",
                "2026-06-01, -,          false",
                "2026-07-01, 2026-06-15, true",
                "2026-06-15, 2026-06-15, false",
                "2026-06-10, 2026-06-15, false",
                "2026-06-03, 2026-05-01, true",
                "-,          -,          false"
            })
    void an_effective_date_is_today_or_later_and_after_the_superseded_version(
            LocalDate effectiveFrom, LocalDate previous, boolean allowed) {
        Optional<DocumentVersion> latest = Optional.ofNullable(previous).map(day -> {
            DocumentVersion version = new DocumentVersion();
            version.version = 1;
            version.effectiveFrom = day;
            return version;
        });

        if (allowed) {
            assertThatCode(() -> Publication.checkEffectiveFrom(effectiveFrom, TODAY, latest))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Publication.checkEffectiveFrom(effectiveFrom, TODAY, latest))
                    .isInstanceOf(InvalidFieldProblem.class)
                    .hasMessageContaining("effectiveFrom");
        }
    }
}
