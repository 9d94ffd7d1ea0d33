package io.kontor.legal.cases;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A matter's documents, filed as sent and kept with their SHA-256. */
@Path("/cases")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class CaseDocumentResource {

    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    @Inject
    Cases cases;

    @Inject
    SecurityIdentity caller;

    /** The file is the request body as sent, its media type the Content-Type, its name {@code ?fileName=}. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentView.class)))
    public Response uploadDocument(
            @PathParam("id") UUID id,
            @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType,
            byte[] content) {
        if (fileName == null
                || fileName.isBlank()
                || fileName.length() > 255
                || fileName.contains("/")
                || fileName.contains("\\")) {
            throw new InvalidFieldProblem("fileName", "a file name without a path, 1 to 255 characters");
        }
        if (content == null || content.length == 0) {
            throw new InvalidFieldProblem("body", "the file is empty");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidFieldProblem("body", "a file is at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        String mediaType =
                contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : contentType.strip();
        CaseDocument document = cases.upload(id, fileName.strip(), mediaType, content, CallerId.of(caller));
        return Response.created(URI.create("/api/v1/legal/cases/" + id + "/documents/" + document.id))
                .type(MediaType.APPLICATION_JSON)
                .entity(DocumentView.of(document))
                .build();
    }

    /** The file as filed, with its SHA-256 in a header for the reader to check. */
    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response downloadDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        CaseDocument document = Found.or404(
                CaseDocument.find("id = ?1 and caseId = ?2", documentId, id).firstResult(), "document", documentId);
        return Response.ok(document.content, document.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName.replace("\"", "") + "\"")
                .header("Digest", "sha-256=" + document.sha256)
                .build();
    }
}
