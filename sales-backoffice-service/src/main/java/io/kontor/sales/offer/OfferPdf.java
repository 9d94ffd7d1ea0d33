package io.kontor.sales.offer;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.sales.customer.Customer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offer as the customer receives it (Angebot): the seller's letterhead, the customer's address, number, revision,
 * dates and validity, the lines (options marked), net, VAT per rate and gross as on the later invoice, the terms, and a
 * footer with what §35a GmbHG / §37a HGB require of a business letter.
 */
public final class OfferPdf {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font LETTERHEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

    private OfferPdf() {}

    public static String fileName(Offer offer) {
        return offer.offerNumber + (offer.revision > 1 ? "-R" + offer.revision : "") + ".pdf";
    }

    public static byte[] of(Offer offer, Customer customer, CompanyProfile seller) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle("Angebot " + offer.offerNumber);
        document.addCreator("Kontor");
        document.open();

        document.add(new Paragraph(seller.logoText().orElse(seller.name()), LETTERHEAD));
        document.add(new Paragraph(
                seller.street() + " · " + seller.postalCode() + " " + seller.city() + " · " + seller.email()
                        + " · Tel. " + seller.phone(),
                NORMAL));
        document.add(new Paragraph(" "));
        // The window of a DIN 5008 envelope shows the sender line above the recipient.
        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city(), SMALL));
        // A sent offer names the customer as it was sent to them, whatever the master data says today.
        CustomerSnapshot recipient = offer.recipient(customer);
        document.add(new Paragraph(recipient.name(), NORMAL));
        document.add(new Paragraph(recipient.billingAddress().street(), NORMAL));
        document.add(new Paragraph(
                recipient.billingAddress().postalCode() + " "
                        + recipient.billingAddress().city() + " "
                        + recipient.billingAddress().country(),
                NORMAL));
        document.add(new Paragraph(" "));

        document.add(new Paragraph(
                "Angebot " + offer.offerNumber + (offer.revision > 1 ? " (Revision " + offer.revision + ")" : ""),
                TITLE));
        document.add(new Paragraph(
                "Datum: " + german(offer.issueDate) + "   Kundennummer: " + recipient.customerNumber()
                        + "   Gültig bis: " + german(offer.validUntil),
                NORMAL));
        document.add(new Paragraph(" "));
        if (offer.introText != null) {
            document.add(new Paragraph(offer.introText, NORMAL));
            document.add(new Paragraph(" "));
        }

        document.add(lines(offer));
        document.add(new Paragraph(" "));
        document.add(totals(offer));
        document.add(new Paragraph(" "));

        for (String note : legalNotes(offer)) {
            document.add(new Paragraph(note, NORMAL));
        }
        if (offer.lines.stream().anyMatch(line -> line.taxTreatment != null && line.taxTreatment.needsBuyerVatId())) {
            document.add(new Paragraph("USt-IdNr. des Leistungsempfängers: " + recipient.vatId(), NORMAL));
        }
        if (offer.lines.stream().anyMatch(line -> line.optional)) {
            document.add(new Paragraph(
                    "Optionale Positionen sind in den Summen nur enthalten, wenn Sie sie beauftragen.", NORMAL));
        }
        if (offer.pricesGross) {
            // §1 PAngV: a consumer is offered the total price including VAT.
            document.add(
                    new Paragraph("Alle Preise sind Endpreise einschließlich der gesetzlichen Umsatzsteuer.", NORMAL));
        }
        document.add(new Paragraph("Dieses Angebot ist gültig bis zum " + german(offer.validUntil) + ".", NORMAL));
        document.add(new Paragraph(
                "Zahlungsziel: " + recipient.paymentTermDays() + " Tage nach Rechnungsdatum ohne Abzug.", NORMAL));
        if (offer.termsText != null) {
            document.add(new Paragraph(offer.termsText, NORMAL));
        }
        if (offer.termsVersion != null) {
            // §305 (2) BGB: the offer points the customer expressly to the AGB it is made under, which one exactly.
            document.add(new Paragraph(termsNotice(offer), NORMAL));
        }
        document.add(new Paragraph(" "));
        document.add(new Paragraph(footer(seller), SMALL));
        document.close();
        return out.toByteArray();
    }

    /** The lines; for a consumer with prices including VAT (§1 PAngV), for a business net. */
    private static PdfPTable lines(Offer offer) {
        boolean gross = offer.pricesGross;
        PdfPTable table = new PdfPTable(new float[] {0.6f, 4.2f, 1.2f, 1.6f, 1f, 1f, 1.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : new String[] {
            "Pos.",
            "Leistung",
            "Menge",
            gross ? "Einzelpreis brutto" : "Einzelpreis",
            "Rabatt",
            "USt",
            gross ? "Brutto" : "Netto"
        }) {
            table.addCell(cell(heading, BOLD, Element.ALIGN_LEFT));
        }
        for (int i = 0; i < offer.lines.size(); i++) {
            OfferLineItem line = offer.lines.get(i);
            if (line.isText()) {
                PdfPCell heading = cell(line.description, BOLD, Element.ALIGN_LEFT);
                heading.setColspan(7);
                table.addCell(heading);
                continue;
            }
            String option = !line.optional ? "" : line.chosen ? " (Option, gewählt)" : " (Option)";
            table.addCell(cell(String.valueOf(i + 1), NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(
                    line.description + option + (line.sku == null ? "" : "\n" + line.sku), NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(plain(line.quantity) + " " + line.unit, NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(money(gross ? line.grossUnitPrice() : line.unitPrice), NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(
                    line.discountPercent.signum() == 0 ? "" : plain(line.discountPercent) + " %",
                    NORMAL,
                    Element.ALIGN_RIGHT));
            table.addCell(cell(line.vatRate + " %", NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(money(gross ? line.grossAmount() : line.netAmount), NORMAL, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /**
     * The lines' sum, the document discount before VAT, net, then net and VAT per rate (§14 (4) Nr. 8 UStG, as the
     * invoice will show them), then gross.
     */
    private static PdfPTable totals(Offer offer) {
        OfferTotals totals = offer.totals();
        DocumentDiscount discount = offer.discount();
        List<String[]> rows = new ArrayList<>();
        if (discount != null) {
            rows.add(new String[] {"Summe Positionen netto", money(totals.linesNetTotal())});
            rows.add(new String[] {"abzüglich " + discount.label(), "-" + money(totals.discountTotal())});
        }
        rows.add(new String[] {"Summe netto", money(totals.netTotal())});
        for (OfferTotals.VatGroup group : totals.vatGroups()) {
            rows.add(new String[] {"USt " + plain(group.vatRate()) + " % auf " + money(group.net()), money(group.vat())
            });
        }
        rows.add(new String[] {"Gesamtbetrag brutto", money(totals.grossTotal())});
        PdfPTable table = new PdfPTable(new float[] {4f, 1.6f});
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (int i = 0; i < rows.size(); i++) {
            Font font = i == rows.size() - 1 ? BOLD : NORMAL;
            table.addCell(borderless(rows.get(i)[0], font, Element.ALIGN_LEFT));
            table.addCell(borderless(rows.get(i)[1], font, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /** The notes the invoice will carry (§14a, §19 UStG), so the customer sees the tax treatment before accepting. */
    private static List<String> legalNotes(Offer offer) {
        return offer.lines.stream()
                .filter(line -> line.taxTreatment != null && !line.taxTreatment.chargesGermanVat())
                .map(line -> line.taxTreatment.legalNote(line.taxReason))
                .distinct()
                .toList();
    }

    /** The sentence that names the pinned AGB version; also on the invoice, as accounting words it. */
    static String termsNotice(Offer offer) {
        return "Es gelten unsere " + offer.termsTitle + " in der Fassung Version " + offer.termsVersion + " vom "
                + german(offer.termsEffectiveFrom) + " (SHA-256 " + offer.termsSha256.substring(0, 12) + "…).";
    }

    private static String footer(CompanyProfile seller) {
        List<String> parts = new ArrayList<>();
        parts.add(seller.name());
        seller.register().ifPresent(parts::add);
        seller.managingDirectors().ifPresent(names -> parts.add("Geschäftsführung: " + names));
        parts.add("USt-IdNr. " + seller.vatId());
        parts.add("IBAN " + seller.iban() + " · BIC " + seller.bic() + " · " + seller.bankName());
        return String.join(" · ", parts);
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell borderless(String text, Font font, int alignment) {
        PdfPCell cell = cell(text, font, alignment);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    /** German notation: 1.234,56 EUR. */
    static String money(BigDecimal amount) {
        return format("#,##0.00", amount) + " EUR";
    }

    private static String plain(BigDecimal value) {
        return format("#,##0.###", value);
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.GERMANY));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    private static String german(LocalDate date) {
        return date.format(GERMAN_DATE);
    }
}
