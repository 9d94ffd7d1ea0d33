package io.kontor.legal.privacy;

import static io.kontor.legal.LegalApi.BASE;
import static io.kontor.legal.LegalApi.events;
import static io.kontor.legal.LegalApi.legal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays the other services: legal publishes a data-subject request, the services answer on privacy.answers, legal
 * collects the answers per request, names the missing ones and completes the request when all answered (GDPR Art. 12
 * (3), 15, 17).
 */
@QuarkusTest
class PrivacyAnswersTest {

    private static final String REQUESTS = BASE + "/privacy/requests";

    /** The other services, played here; legal-service answers for itself through the real consumer. */
    private static final List<String> SERVICES = List.of(
            "sales-backoffice-service",
            "accounting-service",
            "hr-service",
            "project-office-service",
            "product-development-service",
            "process-service");

    @Inject
    TestEvents events;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void registering_a_request_publishes_it_with_the_identifying_data_for_every_service() {
        String id = register(
                "ACCESS",
                "{\"name\": \"Erika Muster\", \"email\": \"Erika.Muster@example.org\","
                        + " \"customerNumber\": \"K-777001\"}");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                events(DataSubjectRequestOpened.TOPIC, DataSubjectRequestOpened.TYPE, id))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.path("kind").asText()).isEqualTo("ACCESS");
                            assertThat(event.path("subject").path("email").asText())
                                    .isEqualTo("Erika.Muster@example.org");
                            assertThat(event.path("subject")
                                            .path("customerNumber")
                                            .asText())
                                    .isEqualTo("K-777001");
                            assertThat(event.path("deadline").asText()).isNotBlank();
                        }));
    }

    @Test
    void the_bundle_lists_each_answer_names_the_missing_services_and_completes_when_all_answered() {
        String id = register("ACCESS", "{\"name\": \"Erika Muster\", \"customerNumber\": \"K-777002\"}");
        UUID requestId = UUID.fromString(id);

        for (String service : SERVICES.subList(0, 5)) {
            answer(requestId, "ACCESS", service, service.equals("accounting-service"));
        }
        // The same answer again (a redelivery or a service answering twice) changes nothing.
        answer(requestId, "ACCESS", "accounting-service", true);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> legal().get(REQUESTS + "/" + id + "/bundle")
                        .then()
                        .statusCode(200)
                        .body("answered.size()", equalTo(6))
                        .body("answered", hasItem("legal-service"))
                        .body("missing", contains("process-service"))
                        .body("complete", equalTo(false)));
        legal().get(REQUESTS + "/" + id).then().body("status", equalTo("OPEN"));

        answer(requestId, "ACCESS", "process-service", false);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> legal().get(REQUESTS + "/" + id).then().body("status", equalTo("ANSWERED")));
        JsonPath bundle = legal().get(REQUESTS + "/" + id + "/bundle")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("missing.size()", equalTo(0))
                .extract()
                .jsonPath();
        assertThat(bundle.getList("answers.service", String.class))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(SERVICES.stream(), Stream.of("legal-service"))
                        .toList());
        Map<String, Object> accounting = bundle.getMap("answers.find { it.service == 'accounting-service' }");
        assertThat(accounting.get("found")).isEqualTo(true);
        assertThat(bundle.getString(
                        "answers.find { it.service == 'accounting-service' }.records[0].records[0]" + ".invoiceNumber"))
                .isEqualTo("RE-2027-00001");
        assertThat(bundle.getList("answers.findAll { it.found }.service")).containsExactly("accounting-service");
    }

    @Test
    void the_bundle_pdf_shows_each_service_and_an_erasure_restricted_with_its_retention() throws Exception {
        String id = register("ERASURE", "{\"name\": \"Max Muster\", \"customerNumber\": \"K-777003\"}");
        UUID requestId = UUID.fromString(id);
        events.send(
                "accounting-service",
                new DataSubjectRequestAnswered(
                        requestId,
                        "ERASURE",
                        "accounting-service",
                        true,
                        List.of(invoices()),
                        List.of(new ErasureAction(
                                "invoices",
                                ErasureAction.Outcome.RESTRICTED,
                                1,
                                "§147 AO, §14b UStG: 10 Jahre",
                                LocalDate.of(2037, 12, 31))),
                        Instant.now()));
        answer(requestId, "ERASURE", "hr-service", false);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> legal().get(REQUESTS + "/" + id + "/bundle")
                        .then()
                        .body("answered", containsInAnyOrder("accounting-service", "hr-service", "legal-service")));

        byte[] pdf = legal().get(REQUESTS + "/" + id + "/bundle/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Löschung nach Art. 17 DSGVO")
                    .contains("accounting-service")
                    .contains("in der Verarbeitung eingeschränkt, nicht gelöscht")
                    .contains("aufbewahrt bis 31.12.2037")
                    .contains("RE-2027-00001")
                    .contains("hr-service")
                    .contains("Keine Daten zu dieser Person gespeichert.")
                    .contains("Noch ohne Antwort: sales-backoffice-service");
        }
    }

    @Test
    void a_service_that_has_not_answered_by_the_deadline_shows_as_missing_and_overdue() {
        // Art. 12 (3) GDPR: one month from receipt; the day after, what is missing is overdue.
        clock.set(Instant.parse("2027-02-01T09:00:00Z"));
        String id = register("ACCESS", "{\"email\": \"late@example.org\"}", "2027-01-15");
        for (String service : SERVICES.subList(0, 5)) {
            answer(UUID.fromString(id), "ACCESS", service, false);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> legal().get(REQUESTS + "/" + id + "/bundle")
                        .then()
                        .body("missing", contains("process-service"))
                        .body("overdue", equalTo(false)));

        clock.set(Instant.parse("2027-02-16T09:00:00Z"));
        legal().get(REQUESTS + "/" + id + "/bundle")
                .then()
                .body("deadline", equalTo("2027-02-15"))
                .body("missing", contains("process-service"))
                .body("overdue", equalTo(true))
                .body("status", equalTo("OPEN"));
    }

    @Test
    void the_bundle_of_an_unknown_request_is_a_404() {
        legal().get(REQUESTS + "/" + UUID.randomUUID() + "/bundle")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private String register(String kind, String subject) {
        return register(kind, subject, null);
    }

    private String register(String kind, String subject, String receivedOn) {
        return legal().body("{\"kind\": \"" + kind + "\", \"subject\": " + subject
                        + (receivedOn == null ? "" : ", \"receivedOn\": \"" + receivedOn + "\"") + "}")
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void answer(UUID requestId, String kind, String service, boolean found) {
        events.send(
                service,
                new DataSubjectRequestAnswered(
                        requestId,
                        kind,
                        service,
                        found,
                        found ? List.of(invoices()) : List.of(),
                        List.of(),
                        Instant.now()),
                UUID.nameUUIDFromBytes((requestId + "-" + service).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString(),
                Instant.now());
    }

    private static PersonalRecords invoices() {
        return new PersonalRecords(
                "invoices",
                "Rechnungsstellung",
                "Art. 6 (1) (c) DSGVO",
                "10 Jahre",
                List.of(Map.of("invoiceNumber", "RE-2027-00001", "grossTotal", "119.00")));
    }
}
