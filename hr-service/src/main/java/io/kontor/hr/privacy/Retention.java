package io.kontor.hr.privacy;

import io.kontor.hr.application.Application;
import io.kontor.hr.application.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long a candidate's personal data is kept after the selection ended for them (Art. 5(1)(e) GDPR: no longer than
 * the purpose needs).
 *
 * <p>A rejected candidate may claim compensation for discrimination within two months of receiving the rejection
 * (§15(4) AGG) and must then sue within three months of that claim (§61b(1) ArbGG); the employer needs the application
 * to defend itself until both have passed. The clock starts with the rejection letter's date, the day it went out (the
 * candidate receives it a day or two later, which the margin covers). Kontor keeps the data for the configured
 * retention, six months by default: 2 months + 3 months + one month for delivery and a claim served late ("demnächst",
 * §167 ZPO). A candidate who withdrew counts from the withdrawal, for the same reason: a discrimination in the
 * interview can still be claimed.
 *
 * <p>A candidate who consented to the talent pool is kept until that consent's own retention has passed too, counted
 * from the consent; once the consent is withdrawn only the first retention counts.
 */
public final class Retention {

    private Retention() {}

    /**
     * The moment from which this application's data may be erased, or null while it is still in the race. Periods run
     * as §§187(1), 188(2) BGB count them: the day of the letter is not counted, the period ends with the day of the
     * same number (letter on 15 January, six months: kept through 15 July, erasable from 16 July 00:00).
     */
    public static Instant keepUntil(
            Application application, Period retention, Period talentPoolRetention, ZoneId zone) {
        LocalDate ended = ended(application, zone);
        if (ended == null) {
            return null;
        }
        Instant until = ended.plus(retention).plusDays(1).atStartOfDay(zone).toInstant();
        if (application.inTalentPool()) {
            Instant poolUntil = LocalDate.ofInstant(application.talentPoolConsentAt, zone)
                    .plus(talentPoolRetention)
                    .plusDays(1)
                    .atStartOfDay(zone)
                    .toInstant();
            return poolUntil.isAfter(until) ? poolUntil : until;
        }
        return until;
    }

    public static boolean erasable(
            Application application, Instant now, Period retention, Period talentPoolRetention, ZoneId zone) {
        Instant until = keepUntil(application, retention, talentPoolRetention, zone);
        return until != null && !now.isBefore(until) && !application.isErased();
    }

    private static LocalDate ended(Application application, ZoneId zone) {
        if (application.stage == Stage.REJECTED) {
            return application.rejectionSentOn != null
                    ? application.rejectionSentOn
                    : LocalDate.ofInstant(application.rejectedAt, zone);
        }
        if (application.stage == Stage.WITHDRAWN) {
            return LocalDate.ofInstant(application.withdrawnAt, zone);
        }
        return null;
    }
}
