package io.kontor.accounting.payables.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;

/** A PDF as received: a hybrid e-invoice (ZUGFeRD / Factur-X, XML embedded in a PDF/A-3) or a plain PDF. */
public final class PdfInvoice {

    private PdfInvoice() {}

    public static boolean isPdf(byte[] content) {
        return content.length >= 5 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    /**
     * The embedded invoice XML (factur-x.xml, zugferd-invoice.xml, xrechnung.xml), read by Mustang; null for a PDF
     * without one.
     */
    public static byte[] embeddedXml(byte[] pdf) {
        try {
            ZUGFeRDImporter importer = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
            byte[] xml = importer.getRawXML();
            return xml == null || xml.length == 0 ? null : xml;
        } catch (RuntimeException e) {
            // Mustang throws for a PDF without an invoice attachment as for a damaged one: both are no e-invoice.
            return null;
        }
    }
}
