package io.kontor.accounting.datev;

import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An EXTF Buchungsstapel file: the header line (31 fields, header version 700, category 21, format version 13), the
 * column names, one line per booking; encoded in Windows-1252 (a character it cannot hold becomes '?', as DATEV would
 * refuse the file otherwise).
 */
public record Buchungsstapel(
        int consultantNumber,
        int clientNumber,
        LocalDate fiscalYearStart,
        int accountLength,
        LocalDate from,
        LocalDate to,
        String description,
        String initials,
        int lock,
        String chart,
        LocalDateTime createdAt,
        List<Booking> bookings) {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    String headerLine() {
        return String.join(
                ";",
                DatevFormat.text("EXTF"), // 1 Kennzeichen: export of a third-party program
                "700", // 2 Versionsnummer of the header
                "21", // 3 Formatkategorie: Buchungsstapel
                DatevFormat.text("Buchungsstapel"), // 4 Formatname
                "13", // 5 Formatversion
                CREATED.format(createdAt), // 6 erzeugt am
                "", // 7 Importiert (DATEV's)
                DatevFormat.text("RE"), // 8 Herkunft
                DatevFormat.text(""), // 9 Exportiert von
                DatevFormat.text(""), // 10 Importiert von
                String.valueOf(consultantNumber), // 11 Beraternummer
                String.valueOf(clientNumber), // 12 Mandantennummer
                DatevFormat.headerDate(fiscalYearStart), // 13 WJ-Beginn
                String.valueOf(accountLength), // 14 Sachkontenlänge
                DatevFormat.headerDate(from), // 15 Datum vom
                DatevFormat.headerDate(to), // 16 Datum bis
                DatevFormat.text(description, 30), // 17 Bezeichnung
                DatevFormat.text(initials, 2), // 18 Diktatkürzel
                "1", // 19 Buchungstyp: Finanzbuchführung
                "0", // 20 Rechnungslegungszweck: unabhängig
                String.valueOf(lock), // 21 Festschreibung
                DatevFormat.text("EUR"), // 22 WKZ
                "", // 23 reserviert
                DatevFormat.text(""), // 24 Derivatskennzeichen
                "", // 25 reserviert
                "", // 26 reserviert
                DatevFormat.text(chart.substring(3)), // 27 Sachkontenrahmen: "03" or "04"
                "", // 28 ID der Branchenlösung
                "", // 29 reserviert
                DatevFormat.text(""), // 30 reserviert
                DatevFormat.text("")); // 31 Anwendungsinformation
    }

    /** The file as text (lines ended by CR LF). */
    public String text() {
        StringBuilder file = new StringBuilder();
        file.append(headerLine()).append(DatevFormat.LINE_END);
        file.append(String.join(";", DatevFormat.COLUMNS)).append(DatevFormat.LINE_END);
        for (Booking booking : bookings) {
            file.append(booking.line()).append(DatevFormat.LINE_END);
        }
        return file.toString();
    }

    /** The file's bytes in Windows-1252. */
    public byte[] bytes() {
        CharsetEncoder encoder = DatevFormat.ENCODING
                .newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .onMalformedInput(CodingErrorAction.REPLACE);
        try {
            var buffer = encoder.encode(CharBuffer.wrap(text()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.remaining());
            out.write(buffer.array(), buffer.arrayOffset(), buffer.remaining());
            return out.toByteArray();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot encode the DATEV file in Windows-1252", e);
        }
    }

    public String fileName() {
        return "EXTF_Buchungsstapel_" + DatevFormat.headerDate(from) + "_" + DatevFormat.headerDate(to) + ".csv";
    }
}
