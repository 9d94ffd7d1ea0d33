package io.kontor.legal.document;

import static io.kontor.legal.LegalApi.DOCUMENTS;
import static io.kontor.legal.LegalApi.PUBLISHED;
import static io.kontor.legal.LegalApi.as;
import static io.kontor.legal.LegalApi.body;
import static io.kontor.legal.LegalApi.document;
import static io.kontor.legal.LegalApi.events;
import static io.kontor.legal.LegalApi.kindOf;
import static io.kontor.legal.LegalApi.legal;
import static io.kontor.legal.LegalApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.legal.DocumentVersionPublished;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LegalDocumentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 2);

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    private void today(LocalDate day) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
    }

    @Test
    void a_version_goes_from_draft_through_review_to_published_and_the_event_names_it() {
        today(TODAY);
        String id = document("AGB");
        String path = DOCUMENTS + "/" + id + "/versions/1";
        legal().body(body("# Geltung\n\nDiese AGB gelten für alle Verträge."))
                .post(DOCUMENTS + "/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"));
        legal().post(path + "/submit").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        legal().body("{\"effectiveFrom\":\"2026-07-01\"}")
                .post(path + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("effectiveFrom", equalTo("2026-07-01"))
                .body("sha256", equalTo(DocumentRendering.sha256("# Geltung\n\nDiese AGB gelten für alle Verträge.")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = events(DocumentVersionPublished.TOPIC, DocumentVersionPublished.TYPE, id);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.path("version").asInt()).isEqualTo(1);
                assertThat(event.path("effectiveFrom").asText()).isEqualTo("2026-07-01");
                assertThat(event.path("kind").asText()).isEqualTo(kindOf(id));
                assertThat(event.path("supersedesVersion").isNull()).isTrue();
            });
        });
    }

    @Test
    void publishing_with_an_effective_date_in_the_past_is_a_400_naming_the_field_and_leaves_it_in_review() {
        // §305 (2) BGB: terms bind only as the customer could take note of them when contracting; a back-dated
        // version would claim a wording nobody could have read.
        today(TODAY);
        String id = document("AGB");
        legal().body(body("Text"))
                .post(DOCUMENTS + "/" + id + "/versions")
                .then()
                .statusCode(201);
        legal().post(DOCUMENTS + "/" + id + "/versions/1/submit").then().statusCode(200);

        legal().body("{\"effectiveFrom\":\"2026-06-01\"}")
                .post(DOCUMENTS + "/" + id + "/versions/1/publish")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("effectiveFrom"));
        legal().body("{}")
                .post(DOCUMENTS + "/" + id + "/versions/1/publish")
                .then()
                .statusCode(400)
                .body("violations.field", contains("effectiveFrom"));

        legal().get(DOCUMENTS + "/" + id + "/versions/1").then().body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void a_published_version_never_changes() {
        today(TODAY);
        String id = document("AGB");
        published(id, "Fassung eins", TODAY);

        legal().body(body("heimlich geändert"))
                .put(DOCUMENTS + "/" + id + "/versions/1")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        legal().post(DOCUMENTS + "/" + id + "/versions/1/return").then().statusCode(409);

        legal().get(DOCUMENTS + "/" + id + "/versions/1")
                .then()
                .body("text", equalTo("Fassung eins"))
                .body("status", equalTo("PUBLISHED"));
    }

    @Test
    void a_new_version_supersedes_the_old_one_from_its_effective_date_and_not_before() {
        today(TODAY);
        String id = document("AGB");
        String kind = kindOf(id);
        published(id, "Fassung eins", TODAY);
        published(id, "Fassung zwei", TODAY.plusDays(30));

        as("front-office").get(PUBLISHED + "/" + kind).then().statusCode(200).body("version", equalTo(1));
        today(TODAY.plusDays(29));
        as("front-office").get(PUBLISHED + "/" + kind).then().body("version", equalTo(1));
        today(TODAY.plusDays(30));
        as("front-office")
                .get(PUBLISHED + "/" + kind)
                .then()
                .body("version", equalTo(2))
                .body("text", equalTo("Fassung zwei"))
                .body("html", equalTo("<p>Fassung zwei</p>\n"));
        legal().get(DOCUMENTS + "/" + id).then().body("inForce", equalTo(2));
    }

    @Test
    void a_version_taking_effect_no_later_than_the_one_it_supersedes_is_a_400_naming_the_field() {
        today(TODAY);
        String id = document("AGB");
        published(id, "Fassung eins", TODAY.plusDays(10));
        legal().body(body("Fassung zwei"))
                .post(DOCUMENTS + "/" + id + "/versions")
                .then()
                .statusCode(201);
        legal().post(DOCUMENTS + "/" + id + "/versions/2/submit").then().statusCode(200);

        legal().body("{\"effectiveFrom\":\"" + TODAY.plusDays(10) + "\"}")
                .post(DOCUMENTS + "/" + id + "/versions/2/publish")
                .then()
                .statusCode(400)
                .body("violations.field", contains("effectiveFrom"));
    }

    @Test
    void front_office_sees_only_a_published_version_in_force() {
        today(TODAY);
        String id = document("PRIVACY");
        String kind = kindOf(id);
        legal().body(body("Entwurf"))
                .post(DOCUMENTS + "/" + id + "/versions")
                .then()
                .statusCode(201);

        as("front-office").get(PUBLISHED + "/" + kind).then().statusCode(404);
        as("front-office").get(DOCUMENTS + "/" + id).then().statusCode(403);
        as("sales").get(PUBLISHED + "/" + kind).then().statusCode(403);

        legal().post(DOCUMENTS + "/" + id + "/versions/1/submit").then().statusCode(200);
        legal().body("{\"effectiveFrom\":\"" + TODAY.plusDays(1) + "\"}")
                .post(DOCUMENTS + "/" + id + "/versions/1/publish")
                .then()
                .statusCode(200);
        as("front-office").get(PUBLISHED + "/" + kind).then().statusCode(404);
        today(TODAY.plusDays(1));
        as("front-office")
                .get(PUBLISHED + "/" + kind + "/html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<p>Entwurf</p>"));
    }

    @Test
    void markdown_is_rendered_to_html_without_raw_html_and_to_a_pdf() throws Exception {
        today(TODAY);
        String id = document("AGB");
        published(id, "# § 1 Geltung\n\n1. Erstens **fett**\n2. Zweitens\n\n<script>alert(1)</script>", TODAY);

        String html = legal().get(DOCUMENTS + "/" + id + "/versions/1/html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("<h1>§ 1 Geltung</h1>", "<strong>fett</strong>", "&lt;script&gt;");
        assertThat(html).doesNotContain("<script>");

        byte[] pdf = legal().get(DOCUMENTS + "/" + id + "/versions/1/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("§ 1 Geltung", "1. Erstens fett", "2. Zweitens", "gültig ab 02.06.2026");
        }
    }

    @Test
    void the_diff_of_two_versions_shows_removed_and_added_lines() {
        today(TODAY);
        String id = document("AGB");
        published(id, "§ 1 Geltung\n§ 2 Zahlung binnen 14 Tagen\n§ 3 Gerichtsstand", TODAY);
        published(id, "§ 1 Geltung\n§ 2 Zahlung binnen 30 Tagen\n§ 3 Gerichtsstand", TODAY.plusDays(1));

        legal().queryParam("from", 1)
                .queryParam("to", 2)
                .get(DOCUMENTS + "/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("lines", hasItem("-§ 2 Zahlung binnen 14 Tagen"))
                .body("lines", hasItem("+§ 2 Zahlung binnen 30 Tagen"))
                .body("lines", hasItem(" § 1 Geltung"))
                .body("lines", not(hasItem("-§ 1 Geltung")));
    }

    @Test
    void a_second_document_of_the_same_kind_and_language_is_a_409_and_a_bad_kind_a_400() {
        String id = document("AGB");
        legal().body("{\"kind\":\"" + kindOf(id) + "\",\"language\":\"de\",\"title\":\"Doppelt\"}")
                .post(DOCUMENTS)
                .then()
                .statusCode(409);
        legal().body("{\"kind\":\"agb klein\",\"language\":\"de\",\"title\":\"x\"}")
                .post(DOCUMENTS)
                .then()
                .statusCode(400)
                .body("violations.field", contains("kind"));
    }
}
