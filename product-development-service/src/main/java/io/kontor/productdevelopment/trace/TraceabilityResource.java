package io.kontor.productdevelopment.trace;

import io.kontor.platform.security.Roles;
import io.kontor.platform.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The matrix as JSON and its three exports; each takes the same filters. */
@Path("/traceability")
@RolesAllowed({Roles.PRODUCT_DEVELOPMENT, Roles.PROJECT_OFFICE, Roles.ADMIN})
public class TraceabilityResource {

    @Inject
    Traceability traceability;

    @GET
    public Matrix getMatrix(
            @QueryParam("customerId") String customerId,
            @QueryParam("projectId") String projectId,
            @QueryParam("iterationId") String iterationId) {
        return traceability.matrix(filter(customerId, projectId, iterationId));
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response exportCsv(
            @QueryParam("customerId") String customerId,
            @QueryParam("projectId") String projectId,
            @QueryParam("iterationId") String iterationId) {
        Matrix matrix = traceability.matrix(filter(customerId, projectId, iterationId));
        return download(MatrixExport.csv(matrix), "text/csv; charset=UTF-8", "traceability.csv");
    }

    @GET
    @Path("/markdown")
    @Produces("text/markdown")
    public Response exportMarkdown(
            @QueryParam("customerId") String customerId,
            @QueryParam("projectId") String projectId,
            @QueryParam("iterationId") String iterationId) {
        Matrix matrix = traceability.matrix(filter(customerId, projectId, iterationId));
        return download(MatrixExport.markdown(matrix), "text/markdown; charset=UTF-8", "traceability.md");
    }

    @GET
    @Path("/html")
    @Produces(MediaType.TEXT_HTML)
    public Response exportHtml(
            @QueryParam("customerId") String customerId,
            @QueryParam("projectId") String projectId,
            @QueryParam("iterationId") String iterationId) {
        Matrix matrix = traceability.matrix(filter(customerId, projectId, iterationId));
        return Response.ok(MatrixExport.html(matrix), "text/html; charset=UTF-8")
                .build();
    }

    private static Response download(String body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static Traceability.Filter filter(String customerId, String projectId, String iterationId) {
        return new Traceability.Filter(
                QueryParameters.uuid("customerId", customerId),
                QueryParameters.uuid("projectId", projectId),
                QueryParameters.uuid("iterationId", iterationId));
    }
}
