package io.kontor.accounting.dunning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Default interest (Verzugszinsen, §288 BGB): per year, the base rate of each day plus 5 points (§288 (1), a consumer
 * is involved) or 9 points (§288 (2), business to business), on the principal still open. Counted per day as principal
 * × rate / 100 / 365 (act/365), exact while summing and rounded half-up to cents once per reckoning.
 */
public final class DefaultInterest {

    private static final BigDecimal DAY_DIVISOR = BigDecimal.valueOf(36_500);

    private DefaultInterest() {}

    /**
     * The interest on {@code principal} for the days after {@code from} up to and including {@code to} (§187 (1) BGB:
     * the day the default begins is not counted), at base rate + {@code points}; zero if {@code to} is not after
     * {@code from}.
     */
    public static BigDecimal on(
            BigDecimal principal, LocalDate from, LocalDate to, BigDecimal points, BaseRateTable baseRates) {
        if (principal.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rateDays = BigDecimal.ZERO;
        for (Stretch stretch : stretches(from, to, points, baseRates)) {
            rateDays = rateDays.add(stretch.ratePercent().multiply(BigDecimal.valueOf(stretch.days())));
        }
        return principal
                .multiply(rateDays)
                .divide(DAY_DIVISOR, MathContext.DECIMAL128)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Days {@code first} to {@code last} (both counted) at one yearly rate in percent: base rate + points. */
    public record Stretch(LocalDate first, LocalDate last, long days, BigDecimal ratePercent) {}

    /**
     * The days after {@code from} up to and including {@code to}, cut where the base rate changes: what a dunning
     * notice shows of its interest (§288 BGB rate and days). Empty if {@code to} is not after {@code from}.
     */
    public static List<Stretch> stretches(LocalDate from, LocalDate to, BigDecimal points, BaseRateTable baseRates) {
        List<Stretch> stretches = new ArrayList<>();
        LocalDate day = from.plusDays(1);
        while (!day.isAfter(to)) {
            // One stretch of days at one rate: up to the next change of the base rate, or the end.
            LocalDate change = baseRates.nextChangeAfter(day);
            LocalDate last = change == null || change.isAfter(to) ? to : change.minusDays(1);
            stretches.add(new Stretch(
                    day,
                    last,
                    ChronoUnit.DAYS.between(day, last) + 1,
                    baseRates.rateOn(day).add(points)));
            day = last.plusDays(1);
        }
        return stretches;
    }
}
