package io.kontor.accounting.dunning;

import io.kontor.platform.events.sales.CustomerType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The steps of dunning: a reminder (level 1) some days after the due date, then level 2 and level 3 after further days,
 * one step per run at most, each counted from the previous notice. What each step costs the debtor:
 *
 * <ul>
 *   <li>The reminder is free: it is the Mahnung that puts the debtor in default (§286 (1) BGB), and costs incurred
 *       before the default are not damages of the default.
 *   <li>A consumer owes the configured fee of levels 2 and 3.
 *   <li>A business owes the flat fee of §288 (5) BGB (40 EUR) once, with the first notice after the default began. The
 *       level fees are costs of pursuing the claim, and §288 (5) sentence 3 credits such costs against the flat fee: a
 *       business pays a level fee only insofar as all level fees together exceed the flat fee.
 * </ul>
 */
public record DunningLadder(
        int reminderAfterDays,
        int level2AfterDays,
        int level3AfterDays,
        BigDecimal level2Fee,
        BigDecimal level3Fee,
        BigDecimal businessFlatFee,
        BigDecimal businessPoints,
        BigDecimal consumerPoints) {

    public static final int HIGHEST_LEVEL = 3;

    static DunningLadder of(DunningConfig config) {
        return new DunningLadder(
                config.reminderAfterDays(),
                config.level2AfterDays(),
                config.level3AfterDays(),
                config.level2Fee(),
                config.level3Fee(),
                config.businessFlatFee(),
                config.businessPointsAboveBaseRate(),
                config.consumerPointsAboveBaseRate());
    }

    /**
     * The level a notice should reach on {@code asOf}, if a step is due; {@code lastNoticeOn} is null before the
     * reminder.
     */
    public Optional<Integer> nextLevel(int level, LocalDate dueDate, LocalDate lastNoticeOn, LocalDate asOf) {
        return nextLevel(level, dueDate, lastNoticeOn, null, asOf);
    }

    /**
     * As above, for an invoice whose dispute was resolved on {@code resumedOn} (null if never disputed). Dunning goes
     * on from the level reached, but the next step waits its full days from the resolution as well: the customer learns
     * then that the claim stands, and is given the same time to pay as anyone else before the next, costlier notice,
     * rather than getting it the morning after a dispute that outlasted the step.
     */
    public Optional<Integer> nextLevel(
            int level, LocalDate dueDate, LocalDate lastNoticeOn, LocalDate resumedOn, LocalDate asOf) {
        int days;
        LocalDate countedFrom;
        switch (level) {
            case 0 -> {
                days = reminderAfterDays;
                countedFrom = dueDate;
            }
            case 1 -> {
                days = level2AfterDays;
                countedFrom = lastNoticeOn;
            }
            case 2 -> {
                days = level3AfterDays;
                countedFrom = lastNoticeOn;
            }
            default -> {
                return Optional.empty();
            }
        }
        LocalDate dueOn = countedFrom.plusDays(days);
        if (resumedOn != null && resumedOn.plusDays(days).isAfter(dueOn)) {
            dueOn = resumedOn.plusDays(days);
        }
        return !asOf.isBefore(dueOn) ? Optional.of(level + 1) : Optional.empty();
    }

    /** The fee charged with the notice of {@code level}. */
    public BigDecimal feeOf(int level, CustomerType type) {
        if (type == CustomerType.CONSUMER) {
            return switch (level) {
                case 2 -> level2Fee;
                case 3 -> level3Fee;
                default -> BigDecimal.ZERO.setScale(2);
            };
        }
        return switch (level) {
            case 2 -> businessFlatFee.add(exceedingFlatFee(level2Fee));
            case 3 -> exceedingFlatFee(level2Fee.add(level3Fee)).subtract(exceedingFlatFee(level2Fee));
            default -> BigDecimal.ZERO.setScale(2);
        };
    }

    /** Points above the base rate of §288 BGB: (1) when a consumer is involved, (2) otherwise. */
    public BigDecimal pointsAboveBaseRate(CustomerType type) {
        return type == CustomerType.CONSUMER ? consumerPoints : businessPoints;
    }

    private BigDecimal exceedingFlatFee(BigDecimal levelFees) {
        return levelFees.subtract(businessFlatFee).max(BigDecimal.ZERO).setScale(2);
    }
}
