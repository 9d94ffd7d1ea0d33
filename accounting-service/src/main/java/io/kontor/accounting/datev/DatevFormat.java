package io.kontor.accounting.datev;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The DATEV format's mechanics (developer.datev.de, "DATEV-Format", header version 700, Buchungsstapel format version
 * 13): fields separated by semicolons, lines ended by CR LF, text fields in double quotes with quotes doubled, amounts
 * with a decimal comma and no thousands separator, the Belegdatum as TTMM, header dates as JJJJMMTT, the file in
 * Windows-1252 (ANSI).
 */
public final class DatevFormat {

    public static final Charset ENCODING = Charset.forName("windows-1252");
    public static final String LINE_END = "\r\n";

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("ddMM");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter HEADER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** The 125 columns of a Buchungsstapel of format version 13, in order (line 2 of the file). */
    public static final List<String> COLUMNS = columns();

    private DatevFormat() {}

    static String text(String value) {
        if (value == null) {
            return "\"\"";
        }
        // Control characters are not allowed inside text fields.
        String clean = value.replaceAll("[\\r\\n\\t]+", " ");
        return "\"" + clean.replace("\"", "\"\"") + "\"";
    }

    /** Text cut to the field's maximum length. */
    static String text(String value, int maxLength) {
        return text(value == null || value.length() <= maxLength ? value : value.substring(0, maxLength));
    }

    /** An amount: positive, two decimals, decimal comma ("1234,56"). */
    static String amount(BigDecimal value) {
        return value.abs().setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String dayMonth(LocalDate date) {
        return date == null ? "" : DAY_MONTH.format(date);
    }

    static String dayMonthYear(LocalDate date) {
        return date == null ? "" : DAY_MONTH_YEAR.format(date);
    }

    static String headerDate(LocalDate date) {
        return HEADER_DATE.format(date);
    }

    private static List<String> columns() {
        List<String> columns = new java.util.ArrayList<>(List.of(
                "Umsatz (ohne Soll/Haben-Kz)",
                "Soll/Haben-Kennzeichen",
                "WKZ Umsatz",
                "Kurs",
                "Basis-Umsatz",
                "WKZ Basis-Umsatz",
                "Konto",
                "Gegenkonto (ohne BU-Schlüssel)",
                "BU-Schlüssel",
                "Belegdatum",
                "Belegfeld 1",
                "Belegfeld 2",
                "Skonto",
                "Buchungstext",
                "Postensperre",
                "Diverse Adressnummer",
                "Geschäftspartnerbank",
                "Sachverhalt",
                "Zinssperre",
                "Beleglink"));
        for (int i = 1; i <= 8; i++) {
            columns.add("Beleginfo - Art " + i);
            columns.add("Beleginfo - Inhalt " + i);
        }
        columns.addAll(List.of(
                "KOST1 - Kostenstelle",
                "KOST2 - Kostenstelle",
                "Kost-Menge",
                "EU-Land u. UStID (Bestimmung)",
                "EU-Steuersatz (Bestimmung)",
                "Abw. Versteuerungsart",
                "Sachverhalt L+L",
                "Funktionsergänzung L+L",
                "BU 49 Hauptfunktionstyp",
                "BU 49 Hauptfunktionsnummer",
                "BU 49 Funktionsergänzung"));
        for (int i = 1; i <= 20; i++) {
            columns.add("Zusatzinformation - Art " + i);
            columns.add("Zusatzinformation- Inhalt " + i);
        }
        columns.addAll(List.of(
                "Stück",
                "Gewicht",
                "Zahlweise",
                "Forderungsart",
                "Veranlagungsjahr",
                "Zugeordnete Fälligkeit",
                "Skontotyp",
                "Auftragsnummer",
                "Buchungstyp",
                "USt-Schlüssel (Anzahlungen)",
                "EU-Mitgliedstaat (Anzahlungen)",
                "Sachverhalt L+L (Anzahlungen)",
                "EU-Steuersatz (Anzahlungen)",
                "Erlöskonto (Anzahlungen)",
                "Herkunft-Kz",
                "Leerfeld",
                "KOST-Datum",
                "SEPA-Mandatsreferenz",
                "Skontosperre",
                "Gesellschaftername",
                "Beteiligtennummer",
                "Identifikationsnummer",
                "Zeichnernummer",
                "Postensperre bis",
                "Bezeichnung SoBil-Sachverhalt",
                "Kennzeichen SoBil-Buchung",
                "Festschreibung",
                "Leistungsdatum",
                "Datum Zuord. Steuerperiode",
                "Fälligkeit",
                "Generalumkehr (GU)",
                "Steuersatz",
                "Land",
                "Abrechnungsreferenz",
                "BVV-Position",
                "EU-Land u. UStID (Ursprung)",
                "EU-Steuersatz (Ursprung)",
                "Abw. Skontokonto"));
        return List.copyOf(columns);
    }

    /** 1-based positions of the columns Kontor fills. */
    static final int UMSATZ = 1,
            SOLL_HABEN = 2,
            WKZ = 3,
            KONTO = 7,
            GEGENKONTO = 8,
            BU_SCHLUESSEL = 9,
            BELEGDATUM = 10,
            BELEGFELD_1 = 11,
            BELEGFELD_2 = 12,
            BUCHUNGSTEXT = 14,
            BELEGLINK = 20,
            EU_USTID_BESTIMMUNG = 40,
            LEISTUNGSDATUM = 115,
            GENERALUMKEHR = 118;
}
