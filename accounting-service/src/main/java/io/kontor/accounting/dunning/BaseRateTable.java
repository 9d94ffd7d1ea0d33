package io.kontor.accounting.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The base rate (Basiszinssatz, §247 BGB) by date. It changes on 1 January and 1 July and is published by the Deutsche
 * Bundesbank; the table is configuration, so a new value is a config change, not a release.
 */
public final class BaseRateTable {

    private final NavigableMap<LocalDate, BigDecimal> ratesFrom;

    public BaseRateTable(Map<LocalDate, BigDecimal> ratesFrom) {
        if (ratesFrom.isEmpty()) {
            throw new IllegalArgumentException("the base rate table is empty");
        }
        this.ratesFrom = new TreeMap<>(ratesFrom);
    }

    /** Parses {@code 2025-07-01:1.27} entries. */
    public static BaseRateTable parse(List<String> entries) {
        Map<LocalDate, BigDecimal> rates = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split(":");
            try {
                if (parts.length != 2
                        || rates.put(LocalDate.parse(parts[0].strip()), new BigDecimal(parts[1].strip())) != null) {
                    throw new IllegalArgumentException(
                            "base rate entry '" + entry + "' is not <date>:<percent> or repeats a date");
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("base rate entry '" + entry + "' is not <date>:<percent>", e);
            }
        }
        return new BaseRateTable(rates);
    }

    /** The base rate in percent in force on {@code day}. */
    public BigDecimal rateOn(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = ratesFrom.floorEntry(day);
        if (entry == null) {
            throw new IllegalStateException(
                    "no base rate is configured for " + day + "; the table starts " + ratesFrom.firstKey());
        }
        return entry.getValue();
    }

    /** The first day after {@code day} on which the rate may change, or null if none is known. */
    LocalDate nextChangeAfter(LocalDate day) {
        return ratesFrom.higherKey(day);
    }
}
