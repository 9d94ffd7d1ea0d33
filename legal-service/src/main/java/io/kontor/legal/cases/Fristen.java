package io.kontor.legal.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The computation of periods (Fristberechnung) the case files use, per §§187-193 BGB. Public holidays differ by federal
 * state and are not known here: a deadline on a holiday is shown on the holiday, i.e. early, never late.
 */
public final class Fristen {

    private Fristen() {}

    /**
     * The last day to bring an action against a dismissal: three weeks after the notice was received (§4 sentence 1
     * KSchG). The day of receipt does not count (§187 (1) BGB); a period of weeks ends on the day of the last week with
     * the same weekday name (§188 (2) BGB); ending on a Saturday or Sunday it ends on the next working day (§193 BGB).
     */
    public static LocalDate actionAgainstDismissal(LocalDate noticeReceivedOn) {
        return nextWorkingDay(noticeReceivedOn.plusWeeks(3));
    }

    /**
     * The last day of the regular limitation period of a claim that arose on {@code arisenOn}: three years, counted
     * from the end of the year in which it arose (§§195, 199 (1) BGB).
     */
    public static LocalDate limitationOfClaim(LocalDate arisenOn) {
        return LocalDate.of(arisenOn.getYear() + 3, 12, 31);
    }

    /** A period of days from an event (§187 (1), §188 (1) BGB), moved off a weekend (§193 BGB). */
    public static LocalDate daysAfter(LocalDate event, int days) {
        return nextWorkingDay(event.plusDays(days));
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
