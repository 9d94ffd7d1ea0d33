package io.kontor.accounting.payables;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.accounting.document.InvoicePdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.mustangproject.BankDetails;
import org.mustangproject.CII.CIIToUBL;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * Invoices a supplier sends us, made the way a supplier's software makes them: with Mustang (another program than our
 * reader), as XRechnung CII, as UBL (Mustang's CII-to-UBL conversion), and as a ZUGFeRD PDF.
 */
public final class SupplierInvoiceFiles {

    /** Us as the buyer, as application.properties names the company. */
    public static final String OUR_NAME = "Kontor Demo GmbH";

    public static final String OUR_VAT_ID = "DE123456789";

    private SupplierInvoiceFiles() {}

    /** What varies between the test invoices. */
    public record Spec(
            String supplierName,
            String supplierVatId,
            String iban,
            String number,
            LocalDate issueDate,
            int paymentDays,
            String skonto,
            String orderReference,
            String buyerName,
            String buyerVatId,
            Item... items) {

        public Spec number(String n) {
            return new Spec(
                    supplierName,
                    supplierVatId,
                    iban,
                    n,
                    issueDate,
                    paymentDays,
                    skonto,
                    orderReference,
                    buyerName,
                    buyerVatId,
                    items);
        }

        public Spec iban(String i) {
            return new Spec(
                    supplierName,
                    supplierVatId,
                    i,
                    number,
                    issueDate,
                    paymentDays,
                    skonto,
                    orderReference,
                    buyerName,
                    buyerVatId,
                    items);
        }

        public Spec buyer(String name, String vatId) {
            return new Spec(
                    supplierName,
                    supplierVatId,
                    iban,
                    number,
                    issueDate,
                    paymentDays,
                    skonto,
                    orderReference,
                    name,
                    vatId,
                    items);
        }

        public Spec items(Item... i) {
            return new Spec(
                    supplierName,
                    supplierVatId,
                    iban,
                    number,
                    issueDate,
                    paymentDays,
                    skonto,
                    orderReference,
                    buyerName,
                    buyerVatId,
                    i);
        }
    }

    public static Item item(String name, String quantity, String price, String vatRate) {
        return new Item(
                new Product(name, "", "HUR", new BigDecimal(vatRate)), new BigDecimal(price), new BigDecimal(quantity));
    }

    /** A supplier's invoice: 10 hours at 100.00 at 19 % and 2 books at 25.00 at 7 % = 1000 + 190 + 50 + 3.50. */
    public static Spec spec(String supplierName, String supplierVatId, String iban, String number, LocalDate issued) {
        return new Spec(
                supplierName,
                supplierVatId,
                iban,
                number,
                issued,
                30,
                "#SKONTO#TAGE=10#PROZENT=2.00#",
                "PO-4711",
                OUR_NAME,
                OUR_VAT_ID,
                item("Beratung", "10", "100.00", "19"),
                new Item(
                        new Product("Fachbuch", "", "C62", new BigDecimal("7")),
                        new BigDecimal("25.00"),
                        new BigDecimal("2")));
    }

    public static String cii(Spec spec) {
        Invoice invoice = new Invoice()
                .setNumber(spec.number())
                .setIssueDate(date(spec.issueDate()))
                .setDueDate(date(spec.issueDate().plusDays(spec.paymentDays())))
                .setDeliveryDate(date(spec.issueDate()))
                .setCurrency("EUR")
                .setPaymentTermDescription(
                        "Zahlbar innerhalb " + spec.paymentDays() + " Tagen\n" + spec.skonto() + "\n")
                .setReferenceNumber("04011000-12345-03")
                .setSender(new TradeParty(spec.supplierName(), "Lieferweg 5", "10115", "Berlin", "DE")
                        .addVATID(spec.supplierVatId())
                        .setContact(new Contact("Vertrieb", "+49 30 555", "rechnung@supplier.example"))
                        .setEmail("rechnung@supplier.example")
                        .addBankDetails(new BankDetails(spec.iban(), "COBADEFFXXX")))
                .setRecipient(new TradeParty(spec.buyerName(), "Speicherstadt 1", "20457", "Hamburg", "DE")
                        .addVATID(spec.buyerVatId())
                        .setEmail("eingangsrechnungen@kontor.example"));
        if (spec.orderReference() != null) {
            invoice.setBuyerOrderReferencedDocumentID(spec.orderReference());
        }
        for (Item item : spec.items()) {
            invoice.addItem(item);
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("XRechnung"));
        provider.generateXML(invoice);
        return new String(provider.getXML(), StandardCharsets.UTF_8);
    }

    public static String ubl(Spec spec) {
        try {
            Path in = Files.createTempFile("cii", ".xml");
            Path out = Files.createTempFile("ubl", ".xml");
            Files.writeString(in, cii(spec));
            new CIIToUBL().convert(in.toFile(), out.toFile());
            String ubl = Files.readString(out);
            Files.delete(in);
            Files.delete(out);
            return ubl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invoice as a ZUGFeRD PDF: a PDF/A-1b turned into PDF/A-3 with the XML embedded, as accounting does. */
    public static byte[] zugferdPdf(Spec spec) {
        return InvoicePdf.zugferd(plainPdf("Rechnung " + spec.number(), true), cii(spec));
    }

    public static byte[] plainPdf(String text, boolean pdfA) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        if (pdfA) {
            writer.setPDFXConformance(PdfWriter.PDFA1B);
        }
        document.open();
        if (pdfA) {
            try {
                writer.setOutputIntents(
                        "Custom",
                        "",
                        "http://www.color.org",
                        "sRGB IEC61966-2.1",
                        java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        document.add(new Paragraph(text, new com.lowagie.text.Font(font(), 11)));
        if (pdfA) {
            writer.createXmpMetadata();
        }
        document.close();
        return out.toByteArray();
    }

    /** PDF/A wants every font embedded: PDFBox's Liberation Sans, as the invoice PDFs use. */
    private static com.lowagie.text.pdf.BaseFont font() {
        try (var ttf = SupplierInvoiceFiles.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return com.lowagie.text.pdf.BaseFont.createFont(
                    "LiberationSans-Regular.ttf",
                    com.lowagie.text.pdf.BaseFont.IDENTITY_H,
                    com.lowagie.text.pdf.BaseFont.EMBEDDED,
                    true,
                    ttf.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
