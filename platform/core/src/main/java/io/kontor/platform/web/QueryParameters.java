package io.kontor.platform.web;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads optional query parameters that JAX-RS would otherwise convert itself: a failed conversion there is a bare 404
 * (the JAX-RS rule for query parameters), where a caller needs a 400 that names the parameter. Resources take such
 * parameters as {@code String} and convert them here.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The UUID in {@code value}, or null when the parameter is absent or blank. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem(name, "must be a UUID");
        }
    }

    /** The ISO-8601 date in {@code value}, or null when the parameter is absent or blank. */
    public static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldProblem(name, "must be a date like 2026-06-01");
        }
    }

    /** The constant of {@code type} named by {@code value} (any letter case), or null when absent or blank. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * {@code true} or {@code false} (any letter case) in {@code value}, false when absent or blank. JAX-RS' own boolean
     * conversion reads anything else as false, so {@code ?overdue=yes} silently meant "all" (found by fuzzing, issue
     * #9).
     */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidFieldProblem(name, "must be true or false");
    }
}
