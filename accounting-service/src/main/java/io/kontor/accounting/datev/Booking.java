package io.kontor.accounting.datev;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a Buchungsstapel: {@code amount} booked to the debit of {@code account} and the credit of
 * {@code contraAccount} ("S"), or reversed (Generalumkehr) when {@code reversal}. Revenue accounts are DATEV automatic
 * accounts that carry their tax key, so no BU-Schlüssel is set; {@code euVatId} is the buyer's VAT id where the summary
 * declaration (ZM, §18a UStG) needs it.
 */
public record Booking(
        BigDecimal amount,
        String account,
        String contraAccount,
        String taxKey,
        LocalDate documentDate,
        String documentNumber,
        String documentField2,
        String text,
        String documentLink,
        String euVatId,
        LocalDate serviceDate,
        boolean reversal) {

    /** The line in the column order of {@link DatevFormat#COLUMNS}. */
    String line() {
        String[] fields = new String[DatevFormat.COLUMNS.size()];
        java.util.Arrays.fill(fields, "");
        set(fields, DatevFormat.UMSATZ, DatevFormat.amount(amount));
        set(fields, DatevFormat.SOLL_HABEN, DatevFormat.text("S"));
        set(fields, DatevFormat.WKZ, DatevFormat.text("EUR"));
        set(fields, DatevFormat.KONTO, account);
        set(fields, DatevFormat.GEGENKONTO, contraAccount);
        set(fields, DatevFormat.BU_SCHLUESSEL, taxKey == null ? "" : DatevFormat.text(taxKey));
        set(fields, DatevFormat.BELEGDATUM, DatevFormat.dayMonth(documentDate));
        set(fields, DatevFormat.BELEGFELD_1, DatevFormat.text(documentNumber, 36));
        set(fields, DatevFormat.BELEGFELD_2, documentField2 == null ? "" : DatevFormat.text(documentField2, 12));
        set(fields, DatevFormat.BUCHUNGSTEXT, DatevFormat.text(text, 60));
        set(fields, DatevFormat.BELEGLINK, documentLink == null ? "" : DatevFormat.text(documentLink, 210));
        set(fields, DatevFormat.EU_USTID_BESTIMMUNG, euVatId == null ? "" : DatevFormat.text(euVatId, 15));
        set(fields, DatevFormat.LEISTUNGSDATUM, DatevFormat.dayMonthYear(serviceDate));
        set(fields, DatevFormat.GENERALUMKEHR, reversal ? DatevFormat.text("1") : "");
        return String.join(";", fields);
    }

    private static void set(String[] fields, int position, String value) {
        fields[position - 1] = value;
    }
}
