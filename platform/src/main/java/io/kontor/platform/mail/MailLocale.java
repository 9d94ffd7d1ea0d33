package io.kontor.platform.mail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The language a document's mail is written in, and amounts and dates as that language writes them: German for a
 * recipient in a German-speaking country (or an unknown one: the company's own language), English otherwise.
 */
public final class MailLocale {

    private static final Set<String> GERMAN_SPEAKING = Set.of("DE", "AT", "CH", "LI", "LU");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private MailLocale() {}

    /** German for DE, AT, CH, LI, LU and an unknown country (ISO 3166 alpha-2), English for any other. */
    public static Locale forCountry(String country) {
        return country == null || GERMAN_SPEAKING.contains(country) ? Locale.GERMAN : Locale.ENGLISH;
    }

    /** {@code 1.234,50} in German, {@code 1234.50} otherwise. */
    public static String amount(BigDecimal amount, Locale locale) {
        return Locale.GERMAN.equals(locale)
                ? new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(amount)
                : amount.toPlainString();
    }

    /** {@code 31.03.2028} in German, {@code 2028-03-31} otherwise; empty for no date. */
    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return Locale.GERMAN.equals(locale) ? date.format(GERMAN_DATE) : date.toString();
    }
}
