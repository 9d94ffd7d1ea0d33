package io.kontor.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Plays process-service for an acting service's four-eyes test: reads the approval requests the service published on
 * {@code approvals.requests} and sends a second person's decision on {@code process.approvals}, as process-service
 * would.
 */
@ApplicationScoped
public class TestApprovals {

    @Inject
    ObjectMapper json;

    @Inject
    TestEvents events;

    /** Waits for the one request of this act on this subject. */
    public ApprovalRequested awaitRequest(String act, String subjectId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> requests(act, subjectId), found -> !found.isEmpty())
                .get(0);
    }

    /** The requests of this act on this subject published so far. */
    public List<ApprovalRequested> requests(String act, String subjectId) {
        return TestKafka.readAll(ApprovalRequested.TOPIC, Duration.ofMillis(300)).stream()
                .map(record -> read(record.value()))
                .filter(request ->
                        request.act().equals(act) && request.subjectId().equals(subjectId))
                .toList();
    }

    /** process-service's decision by {@code approver} ({@link ApprovalDecided#APPROVED} or REJECTED). */
    public void decide(ApprovalRequested request, String decision, String approver) {
        events.send(
                "process-service",
                new ApprovalDecided(
                        request.approvalId(),
                        request.act(),
                        request.subjectId(),
                        decision,
                        approver,
                        Instant.now(),
                        null));
    }

    private ApprovalRequested read(String value) {
        try {
            return json.readValue(value, ApprovalRequested.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an approval request: " + value, e);
        }
    }
}
