package io.kontor.hr.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.hr.application.Application;
import io.kontor.hr.application.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * §15(4) AGG (two months to claim from the rejection), §61b(1) ArbGG (three more to sue), a month's margin: six months
 * from the rejection letter; Art. 7(3) GDPR for the talent pool; periods counted by §§187(1), 188(2) BGB.
 */
class RetentionTest {

    private static final ZoneId HAMBURG = ZoneId.of("Europe/Berlin");
    private static final Period SIX_MONTHS = Period.ofMonths(6);
    private static final Period TWO_YEARS = Period.ofYears(2);

    @ParameterizedTest(name = "{0}, letter/withdrawal {1}, pool consent {2} (withdrawn {3}) → kept through {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                // stage,    ended on,   pool consent,          consent withdrawn,     kept through (Hamburg)
                "REJECTED,   2027-01-15, -,                     -,                     2027-07-15",
                "REJECTED,   2027-08-31, -,                     -,                     2028-02-29", // §188(3) BGB
                "WITHDRAWN,  2027-03-10, -,                     -,                     2027-09-10",
                // the talent pool keeps a consenting candidate two years from the consent
                "REJECTED,   2027-01-15, 2026-12-01T10:00:00Z,  -,                     2028-12-01",
                // a consent withdrawn: only the rejection's retention counts
                "REJECTED,   2027-01-15, 2026-12-01T10:00:00Z,  2027-02-01T10:00:00Z,  2027-07-15",
                // a pool that ends before the rejection's retention does not shorten it
                "REJECTED,   2027-01-15, 2025-01-10T10:00:00Z,  -,                     2027-07-15",
                "OFFER,      -,          -,                     -,                     -", // still in the race
            })
    void data_is_kept_through_the_last_day_and_erasable_the_next(
            Stage stage, LocalDate ended, Instant consent, Instant consentWithdrawn, LocalDate keptThrough) {
        Application application = new Application();
        application.stage = stage;
        application.rejectionSentOn = stage == Stage.REJECTED ? ended : null;
        application.withdrawnAt =
                stage == Stage.WITHDRAWN ? ended.atTime(15, 0).atZone(HAMBURG).toInstant() : null;
        application.talentPoolConsentAt = consent;
        application.talentPoolConsentWithdrawnAt = consentWithdrawn;

        Instant until = Retention.keepUntil(application, SIX_MONTHS, TWO_YEARS, HAMBURG);

        if (keptThrough == null) {
            assertThat(until).isNull();
            return;
        }
        Instant lastMinute = keptThrough.atTime(23, 59).atZone(HAMBURG).toInstant();
        Instant nextDay = keptThrough.plusDays(1).atStartOfDay(HAMBURG).toInstant();
        assertThat(Retention.erasable(application, lastMinute, SIX_MONTHS, TWO_YEARS, HAMBURG))
                .isFalse();
        assertThat(Retention.erasable(application, nextDay, SIX_MONTHS, TWO_YEARS, HAMBURG))
                .isTrue();
    }
}
