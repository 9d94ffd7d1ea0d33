package io.kontor.platform.time;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Values that the law changes on set days (the base rate of §247 BGB, the minimum wage of §1 MiLoG, …), as
 * configuration of {@code <valid from>:<value>} entries: a new value is a config change, not a release. Each value is
 * in force from its day until the next entry's.
 */
public final class DatedValues {

    private final String name;
    private final NavigableMap<LocalDate, BigDecimal> valuesFrom;

    private DatedValues(String name, NavigableMap<LocalDate, BigDecimal> valuesFrom) {
        this.name = name;
        this.valuesFrom = valuesFrom;
    }

    /**
     * Parses {@code 2026-01-01:13.90} entries; {@code name} and {@code unit} only make the messages of a wrong entry
     * clear ("minimum wage entry '…' is not <date>:<EUR per hour>").
     *
     * @throws IllegalArgumentException for an empty table, a malformed entry or a repeated date
     */
    public static DatedValues parse(String name, String unit, List<String> entries) {
        NavigableMap<LocalDate, BigDecimal> values = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split(":");
            String expected = name + " entry '" + entry + "' is not <date>:<" + unit + ">";
            try {
                if (parts.length != 2
                        || values.put(LocalDate.parse(parts[0].strip()), new BigDecimal(parts[1].strip())) != null) {
                    throw new IllegalArgumentException(expected + " or repeats a date");
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(expected, e);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " table is empty");
        }
        return new DatedValues(name, values);
    }

    /** The value in force on {@code day}; empty before the first entry. */
    public Optional<BigDecimal> on(LocalDate day) {
        return Optional.ofNullable(valuesFrom.floorEntry(day)).map(Map.Entry::getValue);
    }

    /** The day from which the value in force on {@code day} applies; empty before the first entry. */
    public Optional<LocalDate> inForceSince(LocalDate day) {
        return Optional.ofNullable(valuesFrom.floorKey(day));
    }

    /** The value in force on {@code day}, which must not be before the first entry. */
    public BigDecimal requiredOn(LocalDate day) {
        return on(day).orElseThrow(() -> new IllegalStateException(
                "no " + name + " is configured for " + day + "; the table starts " + valuesFrom.firstKey()));
    }

    /** The first day after {@code day} on which the value may change, or null if none is known. */
    public LocalDate nextChangeAfter(LocalDate day) {
        return valuesFrom.higherKey(day);
    }
}
