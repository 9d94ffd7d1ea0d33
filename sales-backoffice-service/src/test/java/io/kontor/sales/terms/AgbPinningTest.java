package io.kontor.sales.terms;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.legal.DocumentVersionPublished;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Plays legal: publishes AGB versions on {@code legal.documents} and watches sales pin them to the offers it sends.
 * §305 (2) BGB: AGB become part of a contract only if the customer was expressly pointed to them when contracting and
 * could take note of them, and accepted; which version, when and by whom must be provable afterwards.
 */
@QuarkusTest
class AgbPinningTest {

    private static final String LEGAL = "legal-service";

    @Inject
    TestEvents events;

    @Test
    void an_offer_pins_the_agb_in_force_when_sent_and_its_acceptance_records_version_time_and_person()
            throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        UUID agb = UUID.randomUUID();
        publish(agb, 1, today.minusDays(30), "a".repeat(64));
        String customerId = registerCustomer("AGB Pinning GmbH").getString("id");
        String first = createOffer(customerId);

        JsonPath sent = json(as("sales")
                .post("/offers/" + first + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(sent.getInt("terms.version")).isEqualTo(1);
        assertThat(sent.getString("terms.documentId")).isEqualTo(agb.toString());

        byte[] pdf = as("sales")
                .get("/offers/" + first + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Allgemeine Geschäftsbedingungen in der Fassung Version 1 vom");
        }

        // Legal publishes version 2, in force from today: the offer already sent keeps version 1, a new one gets 2.
        publish(agb, 2, today, "b".repeat(64));
        String second = createOffer(customerId);
        JsonPath later = json(as("sales")
                .post("/offers/" + second + "/send")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(later.getInt("terms.version")).isEqualTo(2);
        assertThat(json(as("sales").get("/offers/" + first).then().extract().asString())
                        .getInt("terms.version"))
                .isEqualTo(1);

        JsonPath accepted = json(as("sales")
                .body("{\"acceptedBy\": \"Erika Muster, Geschäftsführerin\"}")
                .post("/offers/" + first + "/accept")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(accepted.getInt("acceptance.terms.version")).isEqualTo(1);
        assertThat(accepted.getString("acceptance.terms.sha256")).isEqualTo("a".repeat(64));
        assertThat(accepted.getString("acceptance.acceptedBy")).isEqualTo("Erika Muster, Geschäftsführerin");
        assertThat(accepted.getString("acceptance.recordedBy")).isNotBlank();
        assertThat(accepted.getString("acceptance.acceptedAt")).isNotBlank();

        String event =
                awaitEvent(OfferAccepted.TOPIC, first, OfferAccepted.TYPE).value();
        JsonPath data = json(event);
        assertThat(data.getInt("terms.version")).isEqualTo(1);
        assertThat(data.getString("terms.title")).isEqualTo("Allgemeine Geschäftsbedingungen");
        assertThat(data.getString("acceptedBy")).isEqualTo("Erika Muster, Geschäftsführerin");
    }

    @Test
    void other_kinds_of_legal_document_and_a_repeated_event_leave_the_agb_as_they_were() {
        UUID privacy = UUID.randomUUID();
        events.send(
                LEGAL,
                new DocumentVersionPublished(
                        privacy,
                        "PRIVACY_NOTICE",
                        "de",
                        "Datenschutzhinweise",
                        1,
                        LocalDate.now(),
                        null,
                        "c".repeat(64),
                        "legal",
                        Instant.now()));
        UUID agb = UUID.randomUUID();
        publish(agb, 1, LocalDate.now().plusDays(400), "d".repeat(64));
        publish(agb, 1, LocalDate.now().plusDays(400), "d".repeat(64));

        assertThat(rows("select version from agb_version where document_id = ?", privacy))
                .isEmpty();
        assertThat(rows("select version from agb_version where document_id = ?", agb))
                .hasSize(1);
    }

    private void publish(UUID document, int version, LocalDate effectiveFrom, String sha256) {
        events.send(
                LEGAL,
                new DocumentVersionPublished(
                        document,
                        "AGB",
                        "de",
                        "Allgemeine Geschäftsbedingungen",
                        version,
                        effectiveFrom,
                        version > 1 ? version - 1 : null,
                        sha256,
                        "legal@kontor.example",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !rows(
                                "select version from agb_version where document_id = ? and version = ?",
                                document,
                                version)
                        .isEmpty());
    }
}
