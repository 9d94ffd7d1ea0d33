package io.kontor.accounting.document;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as PDFBox reads it, white space removed: table cells run together, so comparisons ignore it. */
public final class PdfText {

    private PdfText() {}

    public static String withoutSpaces(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** {@code text} as {@link #withoutSpaces} compares it. */
    public static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
