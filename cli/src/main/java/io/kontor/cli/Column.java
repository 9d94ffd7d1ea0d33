package io.kontor.cli;

/**
 * A column of a table: its header, the field it shows ({@code billingAddress.city} for a nested one), whether it is
 * right-aligned (amounts), whether it may be shortened to fit the terminal (an id or an amount cut short is useless)
 * and how dispensable it is when the terminal is too narrow even so (0: never left out; higher goes first).
 */
public record Column(String header, String field, boolean rightAligned, boolean keepWhole, int dispensable) {

    public static Column of(String header, String field) {
        return new Column(header, field, false, false, 0);
    }

    /** Right-aligned and never shortened: amounts and counts. */
    public Column amount() {
        return new Column(header, field, true, true, dispensable);
    }

    /** Right-aligned, for numbers that may be cut. */
    public Column right() {
        return new Column(header, field, true, keepWhole, dispensable);
    }

    /** Never shortened: ids, numbers a person copies into the next command, dates, states. */
    public Column whole() {
        return new Column(header, field, rightAligned, true, dispensable);
    }

    /** Left out when the table does not fit otherwise; of two such columns the higher {@code rank} goes first. */
    public Column dispensable(int rank) {
        return new Column(header, field, rightAligned, keepWhole, rank);
    }

    /** A header from a JSON field name: {@code unitPrice} becomes {@code UNIT PRICE}. */
    public static String headerOf(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
