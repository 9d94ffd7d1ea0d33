package io.kontor.legal.privacy;

import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Data-subject requests (GDPR Art. 15, 16, 17) with their one-month deadline (Art. 12 (3)), and the record of
 * processing activities (Art. 30) as data.
 */
@Path("/privacy")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class PrivacyResource {

    /** Who the request is about: at least one identifier the services can find the person by. */
    public record Subject(
            @Size(max = 300) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String customerNumber,
            @Size(max = 40) String employeeNumber,
            UUID applicationId) {

        boolean identifies() {
            return (email != null && !email.isBlank())
                    || (customerNumber != null && !customerNumber.isBlank())
                    || (employeeNumber != null && !employeeNumber.isBlank())
                    || applicationId != null;
        }
    }

    /** {@code details}: for rectification, what is wrong and what is right. {@code receivedOn} defaults to today. */
    public record RequestBody(
            @NotNull DataSubjectRequest.Kind kind,
            @Valid Subject subject,
            @Size(max = 4000) String details,
            LocalDate receivedOn) {}

    public record AnswerBody(@NotBlank @Size(max = 8000) String answer) {}

    public record RequestView(
            UUID id,
            DataSubjectRequest.Kind kind,
            Subject subject,
            String details,
            LocalDate receivedOn,
            LocalDate deadline,
            long daysLeft,
            boolean overdue,
            DataSubjectRequest.Status status,
            String answer,
            String answeredBy,
            Instant answeredAt,
            String registeredBy,
            Instant registeredAt) {

        static RequestView of(DataSubjectRequest r, LocalDate today) {
            return new RequestView(
                    r.id,
                    r.kind,
                    new Subject(r.subjectName, r.email, r.customerNumber, r.employeeNumber, r.applicationId),
                    r.details,
                    r.receivedOn,
                    r.deadline,
                    ChronoUnit.DAYS.between(today, r.deadline),
                    r.status != DataSubjectRequest.Status.ANSWERED && today.isAfter(r.deadline),
                    r.status,
                    r.answer,
                    r.answeredBy,
                    r.answeredAt,
                    r.registeredBy,
                    r.registeredAt);
        }
    }

    /** Art. 30 (1) GDPR (b)-(g): purposes, subjects and data, recipients, third countries, erasure, security. */
    public record ActivityBody(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String owner,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 500) String> purposes,
            @NotBlank @Size(max = 500) String legalBasis,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> dataSubjects,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String> dataCategories,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> recipients,
            @Size(max = 1000) String thirdCountries,
            @NotBlank @Size(max = 1000) String retention,
            @NotBlank @Size(max = 4000) String securityMeasures) {}

    public record ActivityView(
            UUID id,
            String name,
            String owner,
            List<String> purposes,
            String legalBasis,
            List<String> dataSubjects,
            List<String> dataCategories,
            List<String> recipients,
            String thirdCountries,
            String retention,
            String securityMeasures,
            String changedBy,
            Instant changedAt) {

        static ActivityView of(ProcessingActivity a) {
            return new ActivityView(
                    a.id,
                    a.name,
                    a.owner,
                    a.purposes,
                    a.legalBasis,
                    a.dataSubjects,
                    a.dataCategories,
                    a.recipients,
                    a.thirdCountries,
                    a.retention,
                    a.securityMeasures,
                    a.changedBy,
                    a.changedAt);
        }
    }

    /** The record as a whole, for the supervisory authority (Art. 30 (4)): who is controller, and every activity. */
    public record ProcessingRecord(String controller, Instant exportedAt, List<ActivityView> activities) {}

    @Inject
    AdminActs acts;

    @Inject
    BusinessCalendar calendar;

    @Inject
    SecurityIdentity caller;

    @Inject
    PrivacyAnswerApproval answerApproval;

    @Inject
    Outbox outbox;

    @Inject
    AnswerBundles bundles;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kontor.legal.controller")
    String controller;

    @POST
    @Path("/requests")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    public Response registerRequest(@NotNull @Valid RequestBody body) {
        if (body.subject() == null || !body.subject().identifies()) {
            throw new InvalidFieldProblem(
                    "subject", "identify the person: email, customerNumber, employeeNumber or applicationId");
        }
        LocalDate today = calendar.today();
        LocalDate received = body.receivedOn() == null ? today : body.receivedOn();
        if (received.isAfter(today)) {
            throw new InvalidFieldProblem("receivedOn", "a request is not received in the future: " + received);
        }
        if (body.kind() == DataSubjectRequest.Kind.RECTIFICATION
                && (body.details() == null || body.details().isBlank())) {
            throw new InvalidFieldProblem(
                    "details", "a rectification (Art. 16 GDPR) says what is wrong and what is right");
        }
        DataSubjectRequest request = new DataSubjectRequest();
        request.id = UUID.randomUUID();
        request.kind = body.kind();
        request.subjectName = blankToNull(body.subject().name());
        request.email = blankToNull(body.subject().email());
        request.customerNumber = blankToNull(body.subject().customerNumber());
        request.employeeNumber = blankToNull(body.subject().employeeNumber());
        request.applicationId = body.subject().applicationId();
        request.details = blankToNull(body.details());
        request.receivedOn = received;
        request.deadline = DataSubjectRequest.deadline(received);
        request.status = DataSubjectRequest.Status.OPEN;
        request.registeredBy = CallerId.of(caller);
        request.registeredAt = calendar.now();
        request.persist();
        outbox.publish(new DataSubjectRequestOpened(
                request.id,
                request.kind.name(),
                new DataSubject(
                        request.subjectName,
                        request.email,
                        request.customerNumber,
                        request.employeeNumber,
                        request.applicationId),
                request.details,
                request.receivedOn,
                request.deadline,
                request.registeredAt));
        return Response.created(URI.create("/api/v1/legal/privacy/requests/" + request.id))
                .entity(RequestView.of(request, today))
                .build();
    }

    @GET
    @Path("/requests")
    @Transactional
    public Page<RequestView> listRequests(
            @QueryParam("status") String statusParameter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        DataSubjectRequest.Status status =
                QueryParameters.oneOf("status", statusParameter, DataSubjectRequest.Status.class);
        LocalDate today = calendar.today();
        Sort order = Sort.by("deadline").and("registeredAt");
        var query = status == null
                ? DataSubjectRequest.<DataSubjectRequest>findAll(order)
                : DataSubjectRequest.<DataSubjectRequest>find("status", order, status);
        return Paging.page(query, page, size, r -> RequestView.of(r, today));
    }

    @GET
    @Path("/requests/{id}")
    @Transactional
    public RequestView getRequest(@PathParam("id") UUID id) {
        return RequestView.of(Found.byId(DataSubjectRequest.class, id, "data-subject request"), calendar.today());
    }

    @POST
    @Path("/requests/{id}/answer")
    @Transactional
    @APIResponse(
            responseCode = "200",
            description = "Answered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "202",
            description = "The answer waits for a second person of legal",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    public Response answerRequest(@PathParam("id") UUID id, @NotNull @Valid AnswerBody body) {
        DataSubjectRequest request = Found.byId(DataSubjectRequest.class, id, "data-subject request");
        if (request.status == DataSubjectRequest.Status.PENDING_APPROVAL) {
            throw new ConflictProblem("an answer to the request already waits for approval");
        }
        if (request.status != DataSubjectRequest.Status.OPEN) {
            throw new ConflictProblem("the request was answered on " + request.answeredAt);
        }
        if (answerApproval.needed()) {
            // Four eyes: the answer goes out once a second person of legal approved it (PrivacyAnswerApproval).
            answerApproval.request(request, body.answer().strip(), CallerId.of(caller));
            return Response.accepted(RequestView.of(request, calendar.today())).build();
        }
        request.status = DataSubjectRequest.Status.ANSWERED;
        request.answer = body.answer().strip();
        request.answeredBy = CallerId.of(caller);
        request.answeredAt = calendar.now();
        return Response.ok(RequestView.of(request, calendar.today())).build();
    }

    /**
     * The answer bundle: every service's answer as it sent it, which are missing and whether the deadline passed
     * without them.
     */
    @GET
    @Path("/requests/{id}/bundle")
    @Transactional
    public AnswerBundles.Bundle bundle(@PathParam("id") UUID id) {
        AnswerBundles.Bundle bundle = bundles.bundle(Found.byId(DataSubjectRequest.class, id, "data-subject request"));
        // Everything every service holds about a person: who read it is part of the trail (Art. 5(2), 32 GDPR).
        acts.read("data-subject-request.bundle-read", "data-subject-request:" + id, java.util.Map.of("as", "json"));
        return bundle;
    }

    /** The bundle as the PDF that goes to the person (Art. 12 (1), 15 (3) GDPR). */
    @GET
    @Path("/requests/{id}/bundle/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response bundlePdf(@PathParam("id") UUID id) {
        DataSubjectRequest request = Found.byId(DataSubjectRequest.class, id, "data-subject request");
        acts.read("data-subject-request.bundle-read", "data-subject-request:" + id, java.util.Map.of("as", "pdf"));
        return Response.ok(bundles.pdf(request))
                .header(
                        "Content-Disposition",
                        "inline; filename=\"dsgvo-" + request.kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                                + request.id + ".pdf\"")
                .build();
    }

    @POST
    @Path("/processing-activities")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityView.class)))
    public Response recordActivity(@NotNull @Valid ActivityBody body) {
        if (ProcessingActivity.count("name", body.name().strip()) > 0) {
            throw new ConflictProblem("there is already a processing activity named "
                    + body.name().strip());
        }
        ProcessingActivity activity = new ProcessingActivity();
        activity.id = UUID.randomUUID();
        describe(activity, body);
        activity.persist();
        // The record of processing activities is the privacy configuration (Art. 30 GDPR): its changes are audited.
        acts.changed(
                "processing-activity.recorded",
                "processing-activity:" + activity.id,
                java.util.Map.of("name", activity.name));
        return Response.created(URI.create("/api/v1/legal/privacy/processing-activities/" + activity.id))
                .entity(ActivityView.of(activity))
                .build();
    }

    @GET
    @Path("/processing-activities")
    @Transactional
    public Page<ActivityView> listActivities(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return Paging.page(
                ProcessingActivity.<ProcessingActivity>findAll(Sort.by("name")), page, size, ActivityView::of);
    }

    @GET
    @Path("/processing-activities/{id}")
    @Transactional
    public ActivityView getActivity(@PathParam("id") UUID id) {
        return ActivityView.of(Found.byId(ProcessingActivity.class, id, "processing activity"));
    }

    @PUT
    @Path("/processing-activities/{id}")
    @Transactional
    public ActivityView changeActivity(@PathParam("id") UUID id, @NotNull @Valid ActivityBody body) {
        ProcessingActivity activity = Found.byId(ProcessingActivity.class, id, "processing activity");
        if (ProcessingActivity.count("name = ?1 and id <> ?2", body.name().strip(), id) > 0) {
            throw new ConflictProblem("there is already a processing activity named "
                    + body.name().strip());
        }
        describe(activity, body);
        acts.changed(
                "processing-activity.changed", "processing-activity:" + id, java.util.Map.of("name", activity.name));
        return ActivityView.of(activity);
    }

    /** The whole record, not paged: it is one document for the authority (Art. 30 (4) GDPR). */
    @GET
    @Path("/processing-activities/export")
    @Transactional
    public ProcessingRecord exportRecord() {
        return new ProcessingRecord(
                controller,
                calendar.now(),
                ProcessingActivity.<ProcessingActivity>listAll(Sort.by("name")).stream()
                        .map(ActivityView::of)
                        .toList());
    }

    private void describe(ProcessingActivity activity, ActivityBody body) {
        activity.name = body.name().strip();
        activity.owner = body.owner().strip();
        activity.purposes = body.purposes();
        activity.legalBasis = body.legalBasis().strip();
        activity.dataSubjects = body.dataSubjects();
        activity.dataCategories = body.dataCategories();
        activity.recipients = body.recipients();
        activity.thirdCountries = blankToNull(body.thirdCountries());
        activity.retention = body.retention().strip();
        activity.securityMeasures = body.securityMeasures().strip();
        activity.changedBy = CallerId.of(caller);
        activity.changedAt = calendar.now();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
