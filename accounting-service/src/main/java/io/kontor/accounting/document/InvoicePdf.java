package io.kontor.accounting.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceTotals;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The invoice as a PDF with what §14 (4) UStG requires of a German invoice: seller and buyer with addresses, the
 * seller's VAT id and tax number (and the buyer's VAT id where there is one), invoice number, issue date, date of
 * service, the lines with quantity and unit price, net per VAT rate with rate and VAT, and the gross total; plus the
 * payment terms and the bank.
 */
public final class InvoicePdf {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

    private InvoicePdf() {}

    public static byte[] of(Invoice invoice, SellerConfig seller) {
        if (invoice.invoiceNumber == null) {
            throw new IllegalStateException("a draft is not an invoice yet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle("Rechnung " + invoice.invoiceNumber);
        document.addCreator("Kontor");
        document.open();

        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city(), NORMAL));
        document.add(new Paragraph(" "));
        Buyer buyer = invoice.buyer;
        document.add(new Paragraph(buyer.name, NORMAL));
        document.add(new Paragraph(nullToEmpty(buyer.street), NORMAL));
        document.add(new Paragraph(
                nullToEmpty(buyer.postalCode) + " " + nullToEmpty(buyer.city) + " " + nullToEmpty(buyer.country),
                NORMAL));
        if (buyer.vatId != null && !buyer.vatId.isBlank()) {
            document.add(new Paragraph("USt-IdNr. des Leistungsempfängers: " + buyer.vatId, NORMAL));
        }
        document.add(new Paragraph(" "));
        document.add(new Paragraph("Rechnung " + invoice.invoiceNumber, TITLE));
        document.add(new Paragraph(
                "Rechnungsdatum: " + german(invoice.issueDate)
                        + "   Leistungsdatum: " + german(invoice.issueDate)
                        + "   Kundennummer: " + nullToEmpty(buyer.customerNumber),
                NORMAL));
        if (invoice.creditNoteNumber != null) {
            document.add(new Paragraph(
                    "Storniert durch Gutschrift " + invoice.creditNoteNumber + " vom " + german(invoice.cancelledOn),
                    BOLD));
        }
        document.add(new Paragraph(" "));

        PdfPTable lines = new PdfPTable(new float[] {0.6f, 4.4f, 1.2f, 1.6f, 1f, 1.6f});
        lines.setWidthPercentage(100);
        for (String heading : new String[] {"Pos.", "Leistung", "Menge", "Einzelpreis", "USt", "Netto"}) {
            lines.addCell(cell(heading, BOLD, Element.ALIGN_LEFT));
        }
        int position = 0;
        for (InvoiceLine line : invoice.lines) {
            position++;
            String discount = line.discountPercent != null && line.discountPercent.signum() != 0
                    ? " (abzgl. " + plain(line.discountPercent) + " % Rabatt)"
                    : "";
            lines.addCell(cell(String.valueOf(position), NORMAL, Element.ALIGN_LEFT));
            lines.addCell(cell(line.description + discount, NORMAL, Element.ALIGN_LEFT));
            lines.addCell(cell(
                    plain(line.quantity) + (line.unit == null ? "" : " " + line.unit), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.unitPrice), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(plain(line.vatRate) + " %", NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.netAmount), NORMAL, Element.ALIGN_RIGHT));
        }
        document.add(lines);
        document.add(new Paragraph(" "));

        PdfPTable totals = new PdfPTable(new float[] {6f, 2f});
        totals.setWidthPercentage(60);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (InvoiceTotals.VatSubtotal rate : invoice.totals().vatBreakdown()) {
            totals.addCell(cell("Nettobetrag zu " + plain(rate.rate()) + " %", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(money(rate.taxableAmount()) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
            totals.addCell(cell("Umsatzsteuer " + plain(rate.rate()) + " %", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(money(rate.vatAmount()) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
        }
        totals.addCell(cell("Summe netto", NORMAL, Element.ALIGN_LEFT));
        totals.addCell(cell(money(invoice.netTotal) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
        totals.addCell(cell("Summe Umsatzsteuer", NORMAL, Element.ALIGN_LEFT));
        totals.addCell(cell(money(invoice.vatTotal) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
        totals.addCell(cell("Rechnungsbetrag", BOLD, Element.ALIGN_LEFT));
        totals.addCell(cell(money(invoice.grossTotal) + " " + invoice.currency, BOLD, Element.ALIGN_RIGHT));
        document.add(totals);
        document.add(new Paragraph(" "));

        document.add(new Paragraph(
                "Zahlbar ohne Abzug innerhalb von " + invoice.paymentTermDays + " Tagen, bis zum "
                        + german(invoice.dueDate) + ", unter Angabe der Rechnungsnummer " + invoice.invoiceNumber + ".",
                NORMAL));
        document.add(new Paragraph(
                "Bankverbindung: " + seller.bankName() + ", IBAN " + seller.iban() + ", BIC " + seller.bic(), NORMAL));
        document.add(new Paragraph(" "));
        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city()
                        + " · USt-IdNr. " + seller.vatId()
                        + seller.taxNumber()
                                .map(number -> " · Steuernummer " + number)
                                .orElse("")
                        + " · " + seller.email() + " · " + seller.phone(),
                NORMAL));
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static String german(LocalDate day) {
        return day == null ? "" : GERMAN_DATE.format(day);
    }

    /** German money format: 1.234,56. */
    static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(amount);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
