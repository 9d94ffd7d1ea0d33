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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the simple HTML that HR's Qute templates render (headings, paragraphs, lists) as an A4 PDF, with OpenPDF's
 * HTML parser. The documents are letters, not web pages: no CSS beyond the defaults set here.
 *
 * <p>OpenPDF's parser loads the {@code src} of an {@code <img>} from any URL or local path it names (SSRF, local file
 * read). Qute escapes what candidates and clerks type, but the printer must not rely on that alone: it drops every
 * image tag unread, so nothing in a letter can make the service fetch anything (issue #24).
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
            for (Element element : parse(html)) {
                document.add(element);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rendered template", e);
        }
        document.close();
        return pdf.toByteArray();
    }

    private static List<Element> parse(String html) throws IOException {
        NoFetchHtmlWorker worker = new NoFetchHtmlWorker();
        worker.parse(new StringReader(html));
        return worker.elements();
    }

    /** {@link HTMLWorker#parseToList} without images: the one tag whose handling reads from a URL or a file. */
    private static final class NoFetchHtmlWorker extends HTMLWorker {

        NoFetchHtmlWorker() {
            super(null);
            document = this;
            objectList = new ArrayList<>();
            setStyleSheet(styles());
        }

        @Override
        public void startElement(String tag, Map<String, String> attributes) {
            if (!"img".equalsIgnoreCase(tag)) {
                super.startElement(tag, attributes);
            }
        }

        @Override
        public void endElement(String tag) {
            if (!"img".equalsIgnoreCase(tag)) {
                super.endElement(tag);
            }
        }

        List<Element> elements() {
            return objectList;
        }
    }

    private static StyleSheet styles() {
        StyleSheet styles = new StyleSheet();
        styles.loadTagStyle("body", "face", "helvetica");
        styles.loadTagStyle("body", "size", "10pt");
        return styles;
    }
}
