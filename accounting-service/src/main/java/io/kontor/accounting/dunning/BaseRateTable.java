package io.kontor.accounting.dunning;

import io.kontor.platform.time.DatedValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The base rate (Basiszinssatz, §247 BGB) by date. It changes on 1 January and 1 July and is published by the Deutsche
 * Bundesbank; the table is configuration, so a new value is a config change, not a release.
 */
public final class BaseRateTable {

    private final DatedValues ratesFrom;

    private BaseRateTable(DatedValues ratesFrom) {
        this.ratesFrom = ratesFrom;
    }

    /** Parses {@code 2025-07-01:1.27} entries. */
    public static BaseRateTable parse(List<String> entries) {
        return new BaseRateTable(DatedValues.parse("base rate", "percent", entries));
    }

    /** The base rate in percent in force on {@code day}. */
    public BigDecimal rateOn(LocalDate day) {
        return ratesFrom.requiredOn(day);
    }

    /**
     * The half-year start (1 January or 1 July, §247 (1) BGB) on or before {@code today} that has no entry of its own,
     * if the table ends before it: the rate in force then is unknown, and the last rate is carried on only as a guess.
     */
    public java.util.Optional<LocalDate> missingEntryFor(LocalDate today) {
        LocalDate halfYear = LocalDate.of(today.getYear(), today.getMonthValue() >= 7 ? 7 : 1, 1);
        return ratesFrom
                .inForceSince(today)
                .filter(since -> since.isBefore(halfYear))
                .map(since -> halfYear);
    }

    /** The first day after {@code day} on which the rate may change, or null if none is known. */
    LocalDate nextChangeAfter(LocalDate day) {
        return ratesFrom.nextChangeAfter(day);
    }
}
