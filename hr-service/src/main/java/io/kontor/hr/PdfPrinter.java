package io.kontor.hr;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.html.simpleparser.HTMLWorker;
import com.lowagie.text.html.simpleparser.StyleSheet;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;

/**
 * Prints the simple HTML that HR's Qute templates render (headings, paragraphs, lists) as an A4 PDF, with OpenPDF's
 * HTML parser. The documents are letters, not web pages: no CSS beyond the defaults set here.
 */
@ApplicationScoped
public class PdfPrinter {

    public byte[] print(String html, String title) {
        Document document = new Document(PageSize.A4, 70, 60, 60, 60);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfWriter.getInstance(document, pdf);
        document.addTitle(title);
        document.addCreator("Kontor HR");
        document.open();
        try {
            for (Element element : HTMLWorker.parseToList(new StringReader(html), styles())) {
                document.add(element);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rendered template", e);
        }
        document.close();
        return pdf.toByteArray();
    }

    private static StyleSheet styles() {
        StyleSheet styles = new StyleSheet();
        styles.loadTagStyle("body", "face", "helvetica");
        styles.loadTagStyle("body", "size", "10pt");
        return styles;
    }
}
