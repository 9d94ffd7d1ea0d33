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

    /**
     * The title is the first paragraph of the text; the rest follows it, place and date last. The letterhead is the
     * employer's name and address; no version number is shown, so a corrected reference looks like the first one.
     */
    public record Page(
            String employer,
            String employerAddress,
            String title,
            List<String> paragraphs,
            String signerName,
            String signerPosition) {}

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
                config.employer().address(),
                paragraphs.get(0),
                paragraphs.subList(1, paragraphs.size()),
                reference.signedByName,
                reference.signedByPosition);
        return printer.print(Templates.reference(page).render(), paragraphs.get(0));
    }
}
