package io.kontor.hr.application;

import io.kontor.hr.privacy.Erasure;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Applications and their interviews: hr only. A careers site submits, but never sees a candidate; middle-office sees
 * none either (§26 BDSG: a candidate's data is for those who decide on the application).
 */
@Path("/applications")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class ApplicationResource {

    public record NewApplication(
            @NotNull UUID jobOpeningId,
            @NotNull @Valid CandidateData candidate,
            @Size(max = 20000) String coverLetter,
            Boolean talentPoolConsent) {}

    public record CandidateData(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email) {}

    /**
     * What the submitter gets back: no personal data, which it has anyway (and so none is kept with the idempotency
     * key).
     */
    public record Receipt(UUID id, UUID jobOpeningId, Stage stage, Instant receivedAt) {}

    public record Advance(@NotNull Stage stage) {}

    public record NewInterview(
            @NotBlank @Size(max = 200) String interviewer,
            @NotEmpty @Size(max = 30) Map<@NotBlank @Size(max = 100) String, @NotNull @Min(1) @Max(5) Integer> scores,
            @Size(max = 20000) String notes) {}

    public record InterviewView(
            UUID id, String interviewer, Map<String, Integer> scores, String notes, Instant heldAt) {

        static InterviewView of(Interview interview) {
            return new InterviewView(
                    interview.id, interview.interviewer, interview.scores, interview.notes, interview.heldAt);
        }
    }

    public record CandidateView(String firstName, String lastName, String email) {}

    public record ApplicationView(
            UUID id,
            UUID jobOpeningId,
            CandidateView candidate,
            String coverLetter,
            Stage stage,
            Instant receivedAt,
            Instant stageChangedAt,
            boolean erased,
            BigDecimal meanScore,
            List<InterviewView> interviews,
            LocalDate rejectionSentOn,
            Instant withdrawnAt,
            boolean inTalentPool) {

        static ApplicationView of(Application application) {
            List<Interview> interviews = Interview.of(application.id);
            List<Integer> scores =
                    interviews.stream().flatMap(i -> i.scores.values().stream()).toList();
            BigDecimal mean = Ranking.of(List.of(new Ranking.Candidate(application.id, application.receivedAt, scores)))
                    .get(0)
                    .meanScore();
            CandidateView candidate = application.isErased()
                    ? null
                    : new CandidateView(application.firstName, application.lastName, application.email);
            return new ApplicationView(
                    application.id,
                    application.jobOpeningId,
                    candidate,
                    application.coverLetter,
                    application.stage,
                    application.receivedAt,
                    application.stageChangedAt,
                    application.isErased(),
                    mean,
                    interviews.stream().map(InterviewView::of).toList(),
                    application.rejectionSentOn,
                    application.withdrawnAt,
                    application.inTalentPool());
        }
    }

    @Inject
    Applications applications;

    @Inject
    Erasure erasure;

    @Inject
    RejectionLetter letter;

    @POST
    @IdempotentCreate
    @Transactional
    @RolesAllowed({Roles.FRONT_OFFICE, Roles.HR, Roles.ADMIN})
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    public Response submit(@NotNull @Valid NewApplication request) {
        CandidateData candidate = request.candidate();
        Applications.Receipt receipt = applications.submit(
                request.jobOpeningId(),
                candidate.firstName(),
                candidate.lastName(),
                candidate.email(),
                request.coverLetter(),
                Boolean.TRUE.equals(request.talentPoolConsent()));
        return Response.created(URI.create("/api/v1/hr/applications/" + receipt.id()))
                .entity(new Receipt(receipt.id(), receipt.jobOpeningId(), receipt.stage(), receipt.receivedAt()))
                .build();
    }

    @GET
    @Transactional
    public Page<ApplicationView> list(
            @QueryParam("jobOpeningId") UUID jobOpeningId,
            @QueryParam("stage") Stage stage,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filter filter = new Filter()
                .and("jobOpeningId = :opening", "opening", jobOpeningId)
                .and("stage = :stage", "stage", stage);
        var query = Application.find(filter.where(), Sort.by("receivedAt").and("id"), filter.parameters());
        var items = query.page(page, size).<Application>list().stream()
                .map(ApplicationView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ApplicationView get(@PathParam("id") UUID id) {
        return ApplicationView.of(Found.byId(Application.class, id, "application"));
    }

    /**
     * Erases the candidate's personal data (GDPR Art. 17); the anonymised rest stays for statistics. Repeating it is
     * harmless.
     */
    @DELETE
    @Path("/{id}")
    @Transactional
    public void erase(@PathParam("id") UUID id) {
        erasure.eraseApplication(id);
    }

    /** The mails sent to the candidate (the rejection letter) with their delivery records. */
    @GET
    @Path("/{id}/deliveries")
    @Transactional
    public List<MailDelivery> applicationDeliveries(@PathParam("id") UUID id) {
        return applications.deliveries(id);
    }

    /** The rejection letter as sent, while the candidate's data is kept. */
    @GET
    @Path("/{id}/rejection-letter")
    @Produces("application/pdf")
    @Transactional
    public Response rejectionLetter(@PathParam("id") UUID id) {
        return Response.ok(letter.print(Found.byId(Application.class, id, "application")), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"absage-" + id + ".pdf\"")
                .build();
    }

    /** The candidate withdraws the consent to the talent pool (Art. 7(3) GDPR); repeating it is harmless. */
    @DELETE
    @Path("/{id}/talent-pool-consent")
    @Transactional
    public ApplicationView withdrawTalentPoolConsent(@PathParam("id") UUID id) {
        return ApplicationView.of(applications.withdrawTalentPoolConsent(id));
    }

    @POST
    @Path("/{id}/advance")
    @Transactional
    public ApplicationView advance(@PathParam("id") UUID id, @NotNull @Valid Advance request) {
        return ApplicationView.of(applications.advance(id, request.stage()));
    }

    @POST
    @Path("/{id}/interviews")
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InterviewView.class)))
    public Response recordInterview(@PathParam("id") UUID id, @NotNull @Valid NewInterview request) {
        Interview interview =
                applications.recordInterview(id, request.interviewer(), request.scores(), request.notes());
        return Response.created(URI.create("/api/v1/hr/applications/" + id))
                .entity(InterviewView.of(interview))
                .build();
    }
}
