package io.kontor.legal.document;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What front-office systems show: the version of a kind in force today, in a language. Only published versions, and of
 * them only the one in force: a draft or a version taking effect later is not shown to customers.
 */
@Path("/published")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.FRONT_OFFICE})
public class PublishedResource {

    public record PublishedView(
            UUID documentId,
            String kind,
            String language,
            String title,
            int version,
            LocalDate effectiveFrom,
            String sha256,
            String text,
            String html) {}

    @Inject
    BusinessCalendar calendar;

    @GET
    @Path("/{kind}")
    @Transactional
    public PublishedView current(
            @PathParam("kind") String kind, @QueryParam("language") @DefaultValue("de") String language) {
        LegalDocument document = document(kind, language);
        DocumentVersion version = inForce(document);
        return new PublishedView(
                document.id,
                document.kind,
                document.language,
                document.title,
                version.version,
                version.effectiveFrom,
                version.sha256,
                version.text,
                DocumentRendering.html(version.text));
    }

    @GET
    @Path("/{kind}/html")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String currentHtml(
            @PathParam("kind") String kind, @QueryParam("language") @DefaultValue("de") String language) {
        LegalDocument document = document(kind, language);
        return DocumentRendering.htmlPage(document, inForce(document));
    }

    private static LegalDocument document(String kind, String language) {
        if (!LegalDocument.KIND.matcher(kind).matches()) {
            throw new InvalidFieldProblem("kind", "an upper-case word such as AGB or PRIVACY_NOTICE");
        }
        if (!LegalDocument.LANGUAGE.matcher(language).matches()) {
            throw new InvalidFieldProblem("language", "an ISO 639-1 code in lower case, such as de or en");
        }
        return Found.or404(LegalDocument.of(kind, language), "legal document", kind + "/" + language);
    }

    private DocumentVersion inForce(LegalDocument document) {
        return Found.or404(
                DocumentVersion.inForce(document.id, calendar.today()),
                "version in force of",
                document.kind + "/" + document.language);
    }
}
