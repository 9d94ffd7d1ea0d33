package io.kontor.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays legal in a service's test: publishes a data-subject request on legal.privacy exactly as legal-service does and
 * waits for the service's answer on privacy.answers (the platform's privacy consumer and the service's
 * PersonalDataHolder, end to end through the real broker).
 */
@ApplicationScoped
public class TestPrivacy {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestEvents events;

    /** Sends the request and returns the answer's data, as the service published it. */
    public JsonNode ask(String kind, DataSubject subject) {
        UUID requestId = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        events.send(
                "legal-service",
                new DataSubjectRequestOpened(
                        requestId, kind, subject, null, today, today.plusMonths(1), Instant.now()));
        return answer(requestId);
    }

    /** The answer to {@code requestId}, waited for up to 60 s (one only: the inbox answers once per request). */
    public static JsonNode answer(UUID requestId) {
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<JsonNode> answers =
                            TestKafka.readAll(DataSubjectRequestAnswered.TOPIC, Duration.ofMillis(300)).stream()
                                    .filter(r -> requestId.toString().equals(r.key()))
                                    .filter(r -> DataSubjectRequestAnswered.TYPE.equals(
                                            TestKafka.header(r, CloudEventHeaders.TYPE)))
                                    .map(r -> parse(r.value()))
                                    .toList();
                    if (answers.isEmpty()) {
                        return false;
                    }
                    answer.set(answers.get(0));
                    return true;
                });
        return answer.get();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
