package io.kontor.legal.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The answer to a data-subject request as one bundle: every service's export and erasure actions as they answered,
 * which services are still missing, and whether the deadline (Art. 12 (3) GDPR) has passed without them.
 */
@ApplicationScoped
public class AnswerBundles {

    /** One service's part of the bundle; {@code records} and {@code actions} exactly as the service sent them. */
    public record ServiceAnswer(
            String service, boolean found, JsonNode records, JsonNode actions, Instant answeredAt) {}

    /**
     * {@code complete}: every answering service answered; {@code overdue}: the deadline passed while some are missing
     * ({@code missing} names them).
     */
    public record Bundle(
            UUID requestId,
            DataSubjectRequest.Kind kind,
            PrivacyResource.Subject subject,
            String details,
            LocalDate receivedOn,
            LocalDate deadline,
            DataSubjectRequest.Status status,
            boolean complete,
            boolean overdue,
            Instant completeAt,
            List<String> answered,
            List<String> missing,
            List<ServiceAnswer> answers,
            String controller,
            Instant assembledAt) {}

    @Inject
    ObjectMapper json;

    @Inject
    BusinessCalendar calendar;

    @Inject
    PrivacyConfig config;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kontor.legal.controller")
    String controller;

    /** The services still to answer {@code request}, in the configured order. */
    public List<String> missing(DataSubjectRequest request) {
        Set<String> answered =
                DataSubjectAnswer.of(request.id).stream().map(a -> a.service).collect(Collectors.toSet());
        return config.answeringServices().stream()
                .filter(service -> !answered.contains(service))
                .toList();
    }

    /** Marks the request complete once the last service answered; an OPEN request is ANSWERED by the bundle then. */
    public void completeIfAllAnswered(DataSubjectRequest request) {
        if (request.completeAt != null || !missing(request).isEmpty()) {
            return;
        }
        request.completeAt = calendar.now();
        if (request.status == DataSubjectRequest.Status.OPEN) {
            request.status = DataSubjectRequest.Status.ANSWERED;
            request.answeredAt = request.completeAt;
            request.answeredBy = "legal-service";
            request.answer = "Alle " + config.answeringServices().size()
                    + " Dienste haben geantwortet; die Antwort ist das Bündel"
                    + " /api/v1/legal/privacy/requests/" + request.id + "/bundle (JSON, PDF).";
        }
    }

    public Bundle bundle(DataSubjectRequest request) {
        List<DataSubjectAnswer> rows = DataSubjectAnswer.of(request.id);
        List<String> missing = missing(request);
        LocalDate today = calendar.today();
        return new Bundle(
                request.id,
                request.kind,
                new PrivacyResource.Subject(
                        request.subjectName,
                        request.email,
                        request.customerNumber,
                        request.employeeNumber,
                        request.applicationId),
                request.details,
                request.receivedOn,
                request.deadline,
                request.status,
                missing.isEmpty(),
                !missing.isEmpty() && today.isAfter(request.deadline),
                request.completeAt,
                rows.stream().map(a -> a.service).collect(Collectors.toCollection(TreeSet::new)).stream()
                        .toList(),
                missing,
                rows.stream()
                        .map(a -> new ServiceAnswer(a.service, a.found, tree(a.records), tree(a.actions), a.answeredAt))
                        .toList(),
                controller,
                calendar.now());
    }

    public byte[] pdf(DataSubjectRequest request) {
        Bundle bundle = bundle(request);
        List<DataSubjectAnswer> rows = DataSubjectAnswer.of(request.id);
        return BundlePdf.render(
                bundle,
                rows.stream()
                        .map(a -> new BundlePdf.Part(
                                a.service,
                                a.found,
                                read(a.records, new TypeReference<List<PersonalRecords>>() {}),
                                read(a.actions, new TypeReference<List<ErasureAction>>() {}),
                                a.answeredAt))
                        .toList(),
                calendar.zone());
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
