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

    /**
     * The PDF's text as a reader sees it, also kept in {@code target/invoice-samples/<name>.txt} for a person to read
     * (the samples a review of the documents asks for).
     */
    public static String kept(byte[] pdf, String name) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            java.nio.file.Path dir = java.nio.file.Path.of("target", "invoice-samples");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".txt"), text);
            return text;
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** {@code text} as {@link #withoutSpaces} compares it. */
    public static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
