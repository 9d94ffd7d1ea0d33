package io.kontor.sales.template;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Sales keeps the templates; staff read them. Front-office systems neither read nor use them (issue #24). */
@Path("/offer-templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class OfferTemplateResource {

    @Inject
    OfferTemplates templates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OfferTemplateView.class)))
    public Response createOfferTemplate(@NotNull @Valid OfferTemplateRequest request) {
        OfferTemplate template = templates.create(request);
        return Response.created(URI.create("offer-templates/" + template.id))
                .entity(OfferTemplateView.of(template))
                .build();
    }

    @GET
    public Page<OfferTemplateView> listOfferTemplates(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return templates.list(page, size);
    }

    @GET
    @Path("/{id}")
    public OfferTemplateView getOfferTemplate(@PathParam("id") UUID id) {
        return OfferTemplateView.of(templates.get(id));
    }
}
