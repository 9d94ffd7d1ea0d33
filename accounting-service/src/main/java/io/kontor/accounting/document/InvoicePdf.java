package io.kontor.accounting.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Deduction;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.accounting.offer.AcceptedOffer;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.TaxTreatment;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;

/**
 * The invoice as a PDF with what §14 (4) UStG requires of a German invoice: seller and buyer with addresses, the
 * seller's VAT id and tax number (and the buyer's VAT id where there is one), invoice number, issue date, date of
 * service, the lines with quantity and unit price, net per VAT rate with rate and VAT, and the gross total; plus the
 * payment terms and the bank.
 */
public final class InvoicePdf {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /**
     * PDF/A wants every font embedded, so the PDF looks the same wherever it is opened in ten years: Liberation Sans
     * (metric-compatible with Helvetica, SIL Open Font License), the copy PDFBox ships, embedded as a subset.
     */
    private static final BaseFont SANS = embeddedSans();

    private static final Font NORMAL = new Font(SANS, 9);
    private static final Font BOLD = new Font(SANS, 9, Font.BOLD);
    private static final Font TITLE = new Font(SANS, 14, Font.BOLD);

    private InvoicePdf() {}

    public static byte[] of(Invoice invoice, CompanyProfile seller) {
        return render(invoice, seller, false);
    }

    /**
     * The cancellation document (Stornorechnung) of a cancelled invoice: its own number from the credit-note range, its
     * own date, the original invoice named with number and date (§14 (4) UStG applies to it as to any invoice), the
     * same lines and breakdown with the amounts negated, so that invoice and cancellation add up to nothing - which
     * also takes back VAT shown on it (§14c (1) sentence 2 with §17 (1) UStG).
     */
    public static byte[] creditNote(Invoice invoice, CompanyProfile seller) {
        if (invoice.creditNoteNumber == null) {
            throw new IllegalStateException("invoice " + invoice.invoiceNumber + " is not cancelled");
        }
        return render(invoice, seller, true, false);
    }

    /**
     * A partial credit note (Rechnungskorrektur, §17 (1) UStG: the price was reduced afterwards), shaped as an invoice
     * by {@code credit.PartialCredit#asDocument}: its own number from the credit-note range and its own date, the
     * invoice it corrects named with number and date (§14 (4) UStG, §31 (5) UStDV), the lines and amounts credited,
     * negated.
     */
    public static byte[] partialCredit(Invoice creditNote, CompanyProfile seller) {
        if (creditNote.creditNoteNumber == null) {
            throw new IllegalStateException("a credit note needs its number");
        }
        return render(creditNote, seller, true, true);
    }

    private static byte[] render(Invoice invoice, CompanyProfile seller, boolean credit) {
        return render(invoice, seller, credit, false);
    }

    private static byte[] render(Invoice invoice, CompanyProfile seller, boolean credit, boolean partial) {
        if (invoice.invoiceNumber == null) {
            throw new IllegalStateException("a draft is not an invoice yet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        // PDF/A-1b, which Mustang turns into the PDF/A-3 of ZUGFeRD by embedding the XML (ISO 19005).
        writer.setPDFXConformance(PdfWriter.PDFA1B);
        document.addTitle(
                partial
                        ? "Gutschrift " + invoice.creditNoteNumber
                        : credit ? "Stornorechnung " + invoice.creditNoteNumber : "Rechnung " + invoice.invoiceNumber);
        document.addCreator("Kontor");
        writer.createXmpMetadata();
        document.open();
        outputIntent(writer);

        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city(), NORMAL));
        document.add(new Paragraph(" ", NORMAL));
        Buyer buyer = invoice.buyer;
        document.add(new Paragraph(buyer.name, NORMAL));
        document.add(new Paragraph(nullToEmpty(buyer.street), NORMAL));
        document.add(new Paragraph(
                nullToEmpty(buyer.postalCode) + " " + nullToEmpty(buyer.city) + " " + nullToEmpty(buyer.country),
                NORMAL));
        if (buyer.vatId != null && !buyer.vatId.isBlank()) {
            document.add(new Paragraph("USt-IdNr. des Leistungsempfängers: " + buyer.vatId, NORMAL));
        }
        document.add(new Paragraph(" ", NORMAL));
        if (credit) {
            document.add(new Paragraph(
                    (partial ? "Rechnungskorrektur (Gutschrift) " : "Stornorechnung (Gutschrift) ")
                            + invoice.creditNoteNumber,
                    TITLE));
            document.add(new Paragraph(
                    "Datum: " + german(invoice.cancelledOn) + "   zur Rechnung " + invoice.invoiceNumber + " vom "
                            + german(invoice.issueDate) + "   " + serviceDate(invoice) + "   Kundennummer: "
                            + nullToEmpty(buyer.customerNumber),
                    NORMAL));
        } else {
            document.add(new Paragraph(
                    (invoice.finalInvoice ? "Schlussrechnung " : "Rechnung ") + invoice.invoiceNumber, TITLE));
            document.add(new Paragraph(
                    "Rechnungsdatum: " + german(invoice.issueDate) + "   " + serviceDate(invoice) + "   Kundennummer: "
                            + nullToEmpty(buyer.customerNumber),
                    NORMAL));
        }
        if (buyer.buyerReference != null || invoice.purchaseOrderReference != null) {
            document.add(new Paragraph(
                    (buyer.buyerReference == null ? "" : "Ihre Referenz: " + buyer.buyerReference + "   ")
                            + (invoice.purchaseOrderReference == null
                                    ? ""
                                    : "Ihre Bestellung: " + invoice.purchaseOrderReference),
                    NORMAL));
        }
        if (!credit) {
            AcceptedOffer.termsNotice(invoice.offerId).ifPresent(notice -> document.add(new Paragraph(notice, NORMAL)));
        }
        if (partial) {
            document.add(new Paragraph(
                    "Hiermit korrigieren wir die Rechnung " + invoice.invoiceNumber + " vom "
                            + german(invoice.issueDate) + " teilweise und schreiben Ihnen gut:"
                            + (invoice.cancellationReason == null ? "" : " Grund: " + invoice.cancellationReason),
                    BOLD));
        } else if (credit) {
            document.add(new Paragraph(
                    "Hiermit stornieren wir die Rechnung " + invoice.invoiceNumber + " vom " + german(invoice.issueDate)
                            + " vollständig."
                            + (invoice.cancellationReason == null ? "" : " Grund: " + invoice.cancellationReason),
                    BOLD));
        } else if (invoice.creditNoteNumber != null) {
            document.add(new Paragraph(
                    "Storniert durch Gutschrift " + invoice.creditNoteNumber + " vom " + german(invoice.cancelledOn),
                    BOLD));
        }
        document.add(new Paragraph(" ", NORMAL));

        PdfPTable lines = new PdfPTable(new float[] {0.6f, 4.4f, 1.2f, 1.6f, 1f, 1.6f});
        lines.setWidthPercentage(100);
        for (String heading : new String[] {"Pos.", "Leistung", "Menge", "Einzelpreis", "USt", "Netto"}) {
            lines.addCell(cell(heading, BOLD, Element.ALIGN_LEFT));
        }
        int position = 0;
        for (InvoiceLine line : invoice.lines) {
            if (line.isText()) {
                PdfPCell heading = cell(line.description, BOLD, Element.ALIGN_LEFT);
                heading.setColspan(6);
                lines.addCell(heading);
                continue;
            }
            position++;
            String discount = line.discountPercent != null && line.discountPercent.signum() != 0
                    ? " (abzgl. " + plain(line.discountPercent) + " % Rabatt)"
                    : "";
            lines.addCell(cell(String.valueOf(position), NORMAL, Element.ALIGN_LEFT));
            lines.addCell(cell(line.description + discount, NORMAL, Element.ALIGN_LEFT));
            lines.addCell(cell(
                    plain(line.quantity) + (line.unit == null ? "" : " " + line.unit), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(money(line.unitPrice), NORMAL, Element.ALIGN_RIGHT));
            lines.addCell(cell(
                    line.taxTreatment == TaxTreatment.SMALL_BUSINESS_19 ? "-" : plain(line.vatRate) + " %",
                    NORMAL,
                    Element.ALIGN_RIGHT));
            lines.addCell(cell(money(signed(line.netAmount, credit)), NORMAL, Element.ALIGN_RIGHT));
        }
        document.add(lines);
        document.add(new Paragraph(" ", NORMAL));

        PdfPTable totals = new PdfPTable(new float[] {6f, 2f});
        totals.setWidthPercentage(60);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        boolean anyDomestic = false;
        InvoiceTotals invoiceTotals = invoice.totals();
        if (invoice.discount() != null) {
            // The discount reduces the price before VAT (§10 (1) UStG); per rate it is in the amounts below.
            totals.addCell(cell("Summe Positionen netto", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(
                    money(signed(invoiceTotals.lineTotal(), credit)) + " " + invoice.currency,
                    NORMAL,
                    Element.ALIGN_RIGHT));
            totals.addCell(cell("abzüglich " + invoice.discount().label(), NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(
                    money(signed(invoiceTotals.allowanceTotal().negate(), credit)) + " " + invoice.currency,
                    NORMAL,
                    Element.ALIGN_RIGHT));
        }
        for (InvoiceTotals.VatSubtotal rate : invoiceTotals.vatBreakdown()) {
            if (rate.treatment() != TaxTreatment.DOMESTIC) {
                // No VAT is shown where none is owed (§14c UStG); the note below says why.
                totals.addCell(cell("Nettobetrag " + label(rate.treatment()), NORMAL, Element.ALIGN_LEFT));
                totals.addCell(cell(
                        money(signed(rate.taxableAmount(), credit)) + " " + invoice.currency,
                        NORMAL,
                        Element.ALIGN_RIGHT));
                continue;
            }
            anyDomestic = true;
            totals.addCell(cell("Nettobetrag zu " + plain(rate.rate()) + " %", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(
                    money(signed(rate.taxableAmount(), credit)) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
            totals.addCell(cell("Umsatzsteuer " + plain(rate.rate()) + " %", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(
                    money(signed(rate.vatAmount(), credit)) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
        }
        if (invoice.finalInvoice) {
            // §14 (5) UStG: the whole service with its VAT, then each partial invoice with the VAT on it deducted.
            String currency = " " + invoice.currency;
            totals.addCell(cell("Gesamtleistung netto", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(
                    cell(money(signed(invoiceTotals.netTotal(), credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
            totals.addCell(cell("Umsatzsteuer Gesamtleistung", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(
                    cell(money(signed(invoiceTotals.vatTotal(), credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
            totals.addCell(cell("Gesamtleistung brutto", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(
                    cell(money(signed(invoiceTotals.grossTotal(), credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
            for (Deduction deduction : invoice.deductions) {
                totals.addCell(cell(
                        "abzüglich Teilrechnung " + deduction.invoiceNumber + " vom " + german(deduction.issueDate)
                                + ": netto zu " + plain(deduction.vatRate) + " %",
                        NORMAL,
                        Element.ALIGN_LEFT));
                totals.addCell(cell(
                        money(signed(deduction.netAmount.negate(), credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
                totals.addCell(cell(
                        "abzüglich Umsatzsteuer " + plain(deduction.vatRate) + " % der Teilrechnung "
                                + deduction.invoiceNumber,
                        NORMAL,
                        Element.ALIGN_LEFT));
                totals.addCell(cell(
                        money(signed(deduction.vatAmount.negate(), credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
            }
            totals.addCell(cell("Restbetrag netto", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(money(signed(invoice.netTotal, credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
            totals.addCell(cell("verbleibende Umsatzsteuer", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(money(signed(invoice.vatTotal, credit)) + currency, NORMAL, Element.ALIGN_RIGHT));
        } else {
            totals.addCell(cell("Summe netto", NORMAL, Element.ALIGN_LEFT));
            totals.addCell(cell(
                    money(signed(invoice.netTotal, credit)) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
            if (anyDomestic) {
                totals.addCell(cell("Summe Umsatzsteuer", NORMAL, Element.ALIGN_LEFT));
                totals.addCell(cell(
                        money(signed(invoice.vatTotal, credit)) + " " + invoice.currency, NORMAL, Element.ALIGN_RIGHT));
            }
        }
        totals.addCell(cell(
                credit ? "Gutschriftsbetrag" : invoice.finalInvoice ? "Noch zu zahlen" : "Rechnungsbetrag",
                BOLD,
                Element.ALIGN_LEFT));
        totals.addCell(
                cell(money(signed(invoice.grossTotal, credit)) + " " + invoice.currency, BOLD, Element.ALIGN_RIGHT));
        document.add(totals);
        document.add(new Paragraph(" ", NORMAL));
        for (String note : legalNotes(invoice)) {
            document.add(new Paragraph(note, BOLD));
        }

        document.add(new Paragraph(
                partial
                        ? "Der Betrag wird mit der Rechnung " + invoice.invoiceNumber + " verrechnet, soweit sie noch"
                                + " offen ist; was Sie darauf schon bezahlt haben, erstatten wir Ihnen oder verrechnen"
                                + " es mit Ihrer nächsten fälligen Rechnung."
                        : credit
                                ? "Der Betrag wird mit der Rechnung " + invoice.invoiceNumber + " verrechnet; sie ist"
                                        + " damit nicht mehr zu zahlen."
                                : (invoice.skonto() == null ? "Zahlbar ohne Abzug" : "Zahlbar") + " innerhalb von "
                                        + invoice.paymentTermDays + " Tagen, bis zum " + german(invoice.dueDate)
                                        + ", unter Angabe der Rechnungsnummer " + invoice.invoiceNumber + "."
                                        + (invoice.skonto() == null
                                                ? ""
                                                : " " + invoice.skonto().sentence(invoice) + "."),
                NORMAL));
        document.add(new Paragraph(
                "Bankverbindung: " + seller.bankName() + ", IBAN " + seller.iban() + ", BIC " + seller.bic(), NORMAL));
        document.add(new Paragraph(" ", NORMAL));
        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city()
                        + " · USt-IdNr. " + seller.vatId()
                        + seller.taxNumber()
                                .map(number -> " · Steuernummer " + number)
                                .orElse("")
                        + " · " + seller.email() + " · " + seller.phone(),
                NORMAL));
        SellerOfRecord.companyLine(seller).ifPresent(line -> document.add(new Paragraph(line, NORMAL)));
        document.close();
        return out.toByteArray();
    }

    /**
     * The notes the invoice must carry for its tax treatments: §14a (1), (3), (5) UStG for reverse charge and
     * intra-community supplies, §4 with its number for exemptions, §19 (1) for a small business. One per distinct text.
     */
    public static List<String> legalNotes(Invoice invoice) {
        return invoice.lines.stream()
                .filter(line -> line.taxTreatment != null && !line.taxTreatment.chargesGermanVat())
                .map(line -> line.taxTreatment.legalNote(line.taxReason))
                .distinct()
                .toList();
    }

    /** §14 (4) Nr. 6 UStG: the day of the service, or its period. */
    private static String serviceDate(Invoice invoice) {
        LocalDate from = invoice.serviceFrom == null ? invoice.issueDate : invoice.serviceFrom;
        if (invoice.serviceUntil == null) {
            return "Leistungsdatum: " + german(from);
        }
        return "Leistungszeitraum: " + german(from) + " bis " + german(invoice.serviceUntil);
    }

    private static String label(TaxTreatment treatment) {
        return switch (treatment) {
            case REVERSE_CHARGE_13B, EU_B2B_SERVICE -> "(Steuerschuldnerschaft des Leistungsempfängers)";
            case INTRA_EU_SUPPLY -> "(steuerfreie innergemeinschaftliche Lieferung)";
            case EXPORT -> "(steuerfreie Ausfuhrlieferung)";
            case NOT_TAXABLE_IN_DE -> "(nicht im Inland steuerbar)";
            case EXEMPT -> "(steuerfrei)";
            case SMALL_BUSINESS_19 -> "(ohne Umsatzsteuer, §19 UStG)";
            case DOMESTIC -> "";
        };
    }

    /**
     * The invoice PDF with its EN 16931 XML embedded as factur-x.xml: a ZUGFeRD 2 / Factur-X invoice of the EN 16931
     * profile, PDF/A-3 (ISO 19005-3), which Mustang makes from the PDF/A-1b above.
     */
    public static byte[] zugferd(byte[] pdf, String xml) {
        try {
            // export() closes the exporter and the document it loaded.
            ZUGFeRDExporterFromA1 exporter = new Exporter();
            // Mustang would otherwise run PDFBox Preflight over the PDF/A-1b above before loading it, for every
            // invoice: parsing and validating the whole document again was most of an invoice's CPU (#23). The input
            // is ours, rendered by render() above; that its hybrid is a valid PDF/A-3 with a valid EN 16931 XML is
            // what ZugferdPdfTest checks with Mustang's full validator (veraPDF), on every build. The bytes written
            // are the same either way: the check only reads.
            exporter.ignorePDFAErrors();
            exporter.setProducer("Kontor")
                    .setCreator("Kontor")
                    .setProfile(Profiles.getByName(XRechnung.ZUGFERD_EN16931))
                    .setZUGFeRDVersion(2);
            exporter.load(pdf);
            exporter.setXML(xml.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed the XML into the invoice PDF", e);
        }
    }

    /**
     * Mustang's exporter, but its XMP metadata serialised with XML factories looked up once per thread instead of for
     * every invoice: xmpbox's {@code new XmpSerializer()} calls {@code TransformerFactory.newInstance()}, which scans
     * the class path for a provider (and finds Saxon) each time; that was half of an invoice's document CPU (#23,
     * DocumentBench). The lookup is the same, so the same implementation serialises the same bytes; a factory is not
     * promised to be thread-safe, hence one per thread.
     */
    private static final class Exporter extends ZUGFeRDExporterFromA1 {

        private static final ThreadLocal<TransformerFactory> TRANSFORMERS =
                ThreadLocal.withInitial(TransformerFactory::newInstance);
        private static final ThreadLocal<DocumentBuilderFactory> BUILDERS =
                ThreadLocal.withInitial(DocumentBuilderFactory::newInstance);

        @Override
        protected byte[] serializeXmpMetadata(XMPMetadata metadata) throws TransformerException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            new XmpSerializer(TRANSFORMERS.get(), BUILDERS.get()).serialize(metadata, buffer, true);
            return buffer.toByteArray();
        }
    }

    /** PDF/A wants the colour space of the output named: sRGB, the profile every JVM carries. */
    private static void outputIntent(PdfWriter writer) {
        try {
            writer.setOutputIntents(
                    "Custom",
                    "",
                    "http://www.color.org",
                    "sRGB IEC61966-2.1",
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BaseFont embeddedSans() {
        try (InputStream ttf =
                InvoicePdf.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is not on the class path");
            }
            return BaseFont.createFont(
                    "LiberationSans-Regular.ttf",
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    ttf.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal signed(BigDecimal amount, boolean credit) {
        return credit ? amount.negate() : amount;
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
