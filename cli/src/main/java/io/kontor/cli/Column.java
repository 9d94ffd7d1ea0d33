package io.kontor.cli;

/**
 * A column of a table: its header, the field it shows ({@code billingAddress.city} for a nested one), whether it is
 * right-aligned (amounts) and whether it may be shortened to fit the terminal (an id cut short is useless).
 */
public record Column(String header, String field, boolean rightAligned, boolean keepWhole) {

    public static Column of(String header, String field) {
        return new Column(header, field, false, false);
    }

    /** Right-aligned, for amounts and counts. */
    public Column right() {
        return new Column(header, field, true, keepWhole);
    }

    /** Never shortened: ids and numbers a person copies into the next command. */
    public Column whole() {
        return new Column(header, field, rightAligned, true);
    }

    /** A header from a JSON field name: {@code unitPrice} becomes {@code UNIT PRICE}. */
    public static String headerOf(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
