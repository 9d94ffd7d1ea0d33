package io.kontor.accounting.dunning;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.List;

/**
 * How and when overdue invoices are dunned; values in application.properties, {@code KONTOR_ACCOUNTING_DUNNING_…} env
 * vars.
 */
@ConfigMapping(prefix = "kontor.accounting.dunning")
public interface DunningConfig {

    /** Cron of the daily run in the seller's time zone; {@code off} disables it (tests run it by hand). */
    String schedule();

    /** The reminder (level 1) goes out this many days after the due date. */
    int reminderAfterDays();

    /** Level 2 follows this many days after the reminder. */
    int level2AfterDays();

    /** Level 3 follows this many days after level 2. */
    int level3AfterDays();

    /** A notice asks to be paid within this many days of its date (the deadline printed on it). */
    int noticePaymentDays();

    /** Fee of a level-2 notice. */
    BigDecimal level2Fee();

    /** Fee of a level-3 notice. */
    BigDecimal level3Fee();

    /**
     * Most a consumer is charged per notice: §309 Nr. 5 BGB allows only the damage actually incurred (postage and
     * printing, about 1 to 2.50 EUR), not a flat fee.
     */
    BigDecimal consumerFeeCap();

    /** §288 (5) BGB: flat fee a business debtor owes once in default. */
    BigDecimal businessFlatFee();

    /** §288 (2) BGB: points above the base rate when no consumer is involved. */
    BigDecimal businessPointsAboveBaseRate();

    /** §288 (1) BGB: points above the base rate for consumers. */
    BigDecimal consumerPointsAboveBaseRate();

    /** The base rate of §247 BGB as published by the Deutsche Bundesbank: {@code <valid from>:<percent>} entries. */
    List<String> baseRates();
}
