package io.kontor.hr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as German documents write them: 01.03.2027. */
public final class GermanDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private GermanDates() {}

    public static String format(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }
}
