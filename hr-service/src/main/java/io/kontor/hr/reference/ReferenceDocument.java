package io.kontor.hr.reference;

import io.kontor.hr.HrConfig;
import io.kontor.hr.PdfPrinter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A reference as a printable PDF, written from the Qute template {@code ReferenceDocument/reference.html}. */
@ApplicationScoped
public class ReferenceDocument {

    /** The title is the first paragraph of the text; the rest follows it. */
    public record Page(String employer, String title, List<String> paragraphs, int version) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reference(Page page);
    }

    @Inject
    HrConfig config;

    @Inject
    PdfPrinter printer;

    public byte[] print(EmploymentReference reference) {
        List<String> paragraphs = reference.paragraphs();
        Page page = new Page(
                config.employer().name(),
                paragraphs.get(0),
                paragraphs.subList(1, paragraphs.size()),
                reference.version);
        return printer.print(Templates.reference(page).render(), paragraphs.get(0));
    }
}
