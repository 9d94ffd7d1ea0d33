package io.kontor.productdevelopment.verification;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.productdevelopment.requirement.Requirement;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/requirements/{requirementId}/test-cases")
@RolesAllowed({Roles.PRODUCT_DEVELOPMENT, Roles.ADMIN})
public class TestCaseResource {

    public record NewTestCase(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) String steps) {}

    public record NewRun(
            @NotNull TestRun.Result result,
            Instant runAt,

            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link")
            String evidenceUrl) {}

    public record RunView(
            UUID id, TestRun.Result result, int requirementVersion, Instant runAt, String runBy, String evidenceUrl) {

        static RunView of(TestRun run) {
            return run == null
                    ? null
                    : new RunView(run.id, run.result, run.requirementVersion, run.runAt, run.runBy, run.evidenceUrl);
        }
    }

    public record TestCaseView(UUID id, UUID requirementId, String title, String steps, RunView lastRun) {

        static TestCaseView of(TestCase testCase) {
            return new TestCaseView(
                    testCase.id,
                    testCase.requirementId,
                    testCase.title,
                    testCase.steps,
                    RunView.of(TestRun.last(testCase.id)));
        }
    }

    @Inject
    TestCases testCases;

    @Inject
    SecurityIdentity caller;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TestCaseView.class)))
    public Response addTestCase(@PathParam("requirementId") UUID requirementId, @NotNull @Valid NewTestCase request) {
        TestCase testCase = testCases.add(requirementId, request.title(), request.steps());
        return Response.created(URI.create(
                        "/api/v1/product-development/requirements/" + requirementId + "/test-cases/" + testCase.id))
                .entity(TestCaseView.of(testCase))
                .build();
    }

    @POST
    @Path("/from-acceptance-criteria")
    @Transactional
    public List<TestCaseView> deriveTestCases(@PathParam("requirementId") UUID requirementId) {
        return testCases.fromAcceptanceCriteria(requirementId).stream()
                .map(TestCaseView::of)
                .toList();
    }

    @GET
    @Transactional
    public List<TestCaseView> listTestCases(@PathParam("requirementId") UUID requirementId) {
        Found.byId(Requirement.class, requirementId, "requirement");
        return TestCase.of(requirementId).stream().map(TestCaseView::of).toList();
    }

    @POST
    @Path("/{testCaseId}/runs")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response recordRun(
            @PathParam("requirementId") UUID requirementId,
            @PathParam("testCaseId") UUID testCaseId,
            @NotNull @Valid NewRun request) {
        TestRun run = testCases.record(
                requirementId,
                testCaseId,
                request.result(),
                request.runAt(),
                request.evidenceUrl(),
                caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/product-development/requirements/" + requirementId + "/test-cases/"
                        + testCaseId + "/runs/" + run.id))
                .entity(RunView.of(run))
                .build();
    }

    @GET
    @Path("/{testCaseId}/runs")
    @Transactional
    public List<RunView> listRuns(
            @PathParam("requirementId") UUID requirementId, @PathParam("testCaseId") UUID testCaseId) {
        Found.byId(TestCase.class, testCaseId, "test case", found -> found.requirementId.equals(requirementId));
        return TestRun.of(testCaseId).stream().map(RunView::of).toList();
    }
}
