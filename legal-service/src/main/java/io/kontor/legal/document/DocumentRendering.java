package io.kontor.legal.document;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A version's Markdown (CommonMark, commonmark-java) as HTML for web shops and as PDF (OpenPDF, as sales and accounting
 * render theirs) for files and mail. Raw HTML in the text is escaped: the text is shown on the company's web pages.
 */
public final class DocumentRendering {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);

    private DocumentRendering() {}

    public static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    /** A whole HTML page with the title, version and effective date above the text. */
    public static String htmlPage(LegalDocument document, DocumentVersion version) {
        String title = escape(document.title);
        return "<!DOCTYPE html>\n<html lang=\"" + document.language + "\"><head><meta charset=\"utf-8\"><title>"
                + title + "</title></head><body>\n<h1>" + title + "</h1>\n<p class=\"version\">Version "
                + version.version
                + (version.effectiveFrom == null ? "" : ", gültig ab " + german(version.effectiveFrom))
                + "</p>\n" + html(version.text) + "</body></html>\n";
    }

    public static byte[] pdf(LegalDocument document, DocumentVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle(document.title + " – Version " + version.version);
        pdf.addCreator("Kontor");
        pdf.open();
        pdf.add(new Paragraph(document.title, TITLE));
        pdf.add(new Paragraph(
                "Version " + version.version
                        + (version.effectiveFrom == null
                                ? " (" + version.status + ")"
                                : ", gültig ab " + german(version.effectiveFrom)),
                NORMAL));
        pdf.add(new Paragraph(" "));
        PARSER.parse(version.text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                Paragraph paragraph = new Paragraph(plain(heading), HEADING);
                paragraph.setSpacingBefore(6);
                pdf.add(paragraph);
            }

            @Override
            public void visit(org.commonmark.node.Paragraph paragraph) {
                String prefix = paragraph.getParent() instanceof ListItem item ? marker(item) : "";
                Paragraph line = new Paragraph(prefix + plain(paragraph), NORMAL);
                line.setSpacingAfter(3);
                if (!prefix.isEmpty()) {
                    line.setIndentationLeft(12);
                }
                pdf.add(line);
            }
        });
        if (version.sha256 != null) {
            pdf.add(new Paragraph(" "));
            pdf.add(new Paragraph("SHA-256 " + version.sha256, SMALL));
        }
        pdf.close();
        return out.toByteArray();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String marker(ListItem item) {
        if (item.getParent() instanceof OrderedList list) {
            int position = 0;
            for (Node node = list.getFirstChild(); node != null && node != item; node = node.getNext()) {
                position++;
            }
            Integer start = list.getMarkerStartNumber();
            return ((start == null ? 1 : start) + position) + ". ";
        }
        return item.getParent() instanceof BulletList ? "• " : "";
    }

    /** The text of a block without its markup: emphasis and links become their words. */
    private static String plain(Node block) {
        StringBuilder text = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    private static String german(LocalDate day) {
        return GERMAN_DATE.format(day);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
