package io.kontor.hr.application;

import static io.kontor.hr.HrApi.advance;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.applicationBody;
import static io.kontor.hr.HrApi.apply;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.interview;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.platform.events.hr.ApplicationReceived;
import io.kontor.platform.events.hr.CandidateRejected;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ApplicationTest {

    @Test
    void the_careers_site_submits_an_application_but_cannot_read_it() {
        String opening = openPosition("Buchhalter");
        String id = as("front-office")
                .body(applicationBody(opening, "Erika", "Mustermann", uniqueEmail("erika")))
                .post("/applications")
                .then()
                .statusCode(201)
                .body("stage", equalTo("RECEIVED"))
                .body("candidate", nullValue())
                .extract()
                .path("id");

        as("front-office").get("/applications/" + id).then().statusCode(403).contentType("application/problem+json");
        as("front-office").get("/applications").then().statusCode(403).contentType("application/problem+json");
        as("hr").get("/applications/" + id)
                .then()
                .statusCode(200)
                .body("candidate.lastName", equalTo("Mustermann"))
                .body("stage", equalTo("RECEIVED"));
    }

    @Test
    void a_received_application_is_announced_without_personal_data() {
        String id = apply(openPosition("Controller"), "Hanna", "Vogelsang");

        List<ConsumerRecord<String, String>> events = awaitEvents("hr.applications", id, ApplicationReceived.TYPE);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).value())
                .contains(id)
                .doesNotContain("Vogelsang")
                .doesNotContain("@example.org");
    }

    /**
     * A second application of the same candidate gets the very answer a first one gets: a 409 "already applied" would
     * tell anyone with the careers site's token who applied where (GDPR Art. 5(1)(f), issue #24). Hr still sees one.
     */
    @Test
    void the_same_candidate_applying_twice_gets_the_same_receipt_shape_and_is_stored_once() {
        String opening = openPosition("Projektassistenz");
        String email = uniqueEmail("max");
        io.restassured.response.ExtractableResponse<?> first = as("front-office")
                .body(applicationBody(opening, "Max", "Muster", email))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract();

        io.restassured.response.ExtractableResponse<?> second = as("front-office")
                .body(applicationBody(opening, "Max", "Muster", email.toUpperCase()))
                .post("/applications")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("stage", equalTo("RECEIVED"))
                .body("jobOpeningId", equalTo(opening))
                .extract();

        Map<String, Object> firstReceipt = first.jsonPath().getMap("");
        Map<String, Object> secondReceipt = second.jsonPath().getMap("");
        assertThat(secondReceipt.keySet()).isEqualTo(firstReceipt.keySet());
        assertThat(second.header("Location")).contains("/api/v1/hr/applications/");
        assertThat(secondReceipt.get("id")).isNotEqualTo(firstReceipt.get("id"));
        as("front-office")
                .body(applicationBody(openPosition("Einkauf"), "Max", "Muster", email))
                .post("/applications")
                .then()
                .statusCode(201);
        as("hr").queryParam("jobOpeningId", opening)
                .get("/applications")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void a_draft_opening_takes_no_applications() {
        String draft = as("hr").body("{\"title\":\"Entwurf\",\"department\":\"Engineering\",\"location\":\"Hamburg\"}")
                .post("/job-openings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("front-office")
                .body(applicationBody(draft, "Dora", "Draft", uniqueEmail("dora")))
                .post("/applications")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("hr").queryParam("jobOpeningId", draft)
                .get("/applications")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void an_application_walks_the_whole_pipeline_one_step_at_a_time() {
        String id = apply(openPosition("Entwickler"), "Jonas", "Weber");

        for (String stage : List.of("SCREENING", "INTERVIEW", "OFFER")) {
            as("hr").body("{\"stage\":\"" + stage + "\"}")
                    .post("/applications/" + id + "/advance")
                    .then()
                    .statusCode(200)
                    .body("stage", equalTo(stage));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECEIVED", "SCREENING", "INTERVIEW", "OFFER"})
    void an_open_application_can_be_rejected_and_then_moves_no_more(String stage) {
        String id = applicationAt(openPosition("Vertrieb"), "Lea", "Schulz", stage);

        as("hr").body("{\"stage\":\"REJECTED\"}")
                .post("/applications/" + id + "/advance")
                .then()
                .statusCode(200)
                .body("stage", equalTo("REJECTED"));

        for (String next : List.of("SCREENING", "REJECTED", "RECEIVED")) {
            as("hr").body("{\"stage\":\"" + next + "\"}")
                    .post("/applications/" + id + "/advance")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
        }
        assertThat(awaitEvents("hr.applications", id, CandidateRejected.TYPE)).hasSize(1);
    }

    @Test
    void skipping_a_stage_going_back_or_hiring_without_a_contract_is_a_409_and_changes_nothing() {
        String id = applicationAt(openPosition("Personalreferent"), "Tim", "Krause", "SCREENING");

        Map<String, String> illegal = Map.of("OFFER", "skips INTERVIEW", "RECEIVED", "goes back", "SCREENING", "stays");
        illegal.forEach((stage, why) -> as("hr").body("{\"stage\":\"" + stage + "\"}")
                .post("/applications/" + id + "/advance")
                .then()
                .statusCode(409)
                .contentType("application/problem+json"));
        advance(id, "INTERVIEW");
        advance(id, "OFFER");
        as("hr").body("{\"stage\":\"HIRED\"}")
                .post("/applications/" + id + "/advance")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("/hire"));

        as("hr").get("/applications/" + id).then().body("stage", equalTo("OFFER"));
    }

    @Test
    void the_ranking_orders_by_mean_interview_score_and_ties_by_date() {
        String opening = openPosition("Data Engineer");
        String first = applicationAt(opening, "Anna", "Erste", "INTERVIEW");
        String second = applicationAt(opening, "Bernd", "Zweiter", "INTERVIEW");
        String third = applicationAt(opening, "Clara", "Dritte", "INTERVIEW");
        String rejected = applicationAt(opening, "Dieter", "Abgelehnt", "INTERVIEW");
        String unscored = applicationAt(opening, "Emil", "Ohnenote", "SCREENING");
        interview(first, "Frau Lange", "{\"Fachwissen\": 4, \"Kommunikation\": 4}");
        interview(second, "Frau Lange", "{\"Fachwissen\": 5, \"Kommunikation\": 5}");
        interview(second, "Herr Kurz", "{\"Fachwissen\": 3, \"Kommunikation\": 3}");
        interview(third, "Frau Lange", "{\"Fachwissen\": 5, \"Kommunikation\": 4}");
        interview(rejected, "Frau Lange", "{\"Fachwissen\": 5, \"Kommunikation\": 5}");
        advance(rejected, "REJECTED");

        as("hr").get("/job-openings/" + opening + "/ranking")
                .then()
                .statusCode(200)
                .body("items.applicationId", equalTo(List.of(third, first, second, unscored)))
                .body("items.meanScore", equalTo(java.util.Arrays.asList(4.5f, 4.0f, 4.0f, null)))
                .body("items[0].candidateName", equalTo("Clara Dritte"));
        // Paged like every list (issue #24): the second page of two keeps the ranks of the whole list.
        as("hr").queryParam("page", 1)
                .queryParam("size", 2)
                .get("/job-openings/" + opening + "/ranking")
                .then()
                .statusCode(200)
                .body("items.applicationId", equalTo(List.of(second, unscored)))
                .body("items.rank", equalTo(List.of(3, 4)))
                .body("total", equalTo(4));
        as("hr").queryParam("size", 201)
                .get("/job-openings/" + opening + "/ranking")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void interview_scores_outside_1_to_5_are_a_400_naming_the_field() {
        String id = applicationAt(openPosition("Lagerist"), "Ole", "Hansen", "INTERVIEW");

        as("hr").body("{\"interviewer\":\"Frau Lange\",\"scores\":{\"Fachwissen\": 6}}")
                .post("/applications/" + id + "/interviews")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("scores"));
        as("hr").body("{\"interviewer\":\"\",\"scores\":{}}")
                .post("/applications/" + id + "/interviews")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("interviewer"));
        as("hr").get("/applications/" + id).then().body("interviews", org.hamcrest.Matchers.empty());
    }

    @Test
    void an_interview_before_the_interview_stage_is_a_409() {
        String id = apply(openPosition("Sachbearbeiter"), "Ida", "Frank");

        as("hr").body("{\"interviewer\":\"Frau Lange\",\"scores\":{\"Fachwissen\": 4}}")
                .post("/applications/" + id + "/interviews")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void bad_applications_are_400_problems_naming_the_field() {
        String opening = openPosition("Empfang");
        as("front-office")
                .body(
                        "{\"jobOpeningId\":\"%s\",\"candidate\":{\"firstName\":\"\",\"lastName\":\"X\",\"email\":\"not-an-address\"}}"
                                .formatted(opening))
                .post("/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("candidate.firstName"))
                .body("violations.field", hasItem("candidate.email"));
        as("front-office")
                .body(applicationBody("00000000-0000-0000-0000-000000000001", "A", "B", uniqueEmail("b")))
                .post("/applications")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("jobOpeningId"));
        as("hr").body("{\"stage\":\"PROMOTED\"}")
                .post("/applications/" + apply(opening, "C", "D") + "/advance")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("stage"));
        as("hr").queryParam("jobOpeningId", opening).get("/applications").then().body("total", equalTo(1));
    }

    @Test
    void a_closed_opening_takes_no_applications() {
        String opening = openPosition("Hausmeister");
        as("hr").post("/job-openings/" + opening + "/close").then().statusCode(200);

        as("front-office")
                .body(applicationBody(opening, "Paul", "Peters", uniqueEmail("paul")))
                .post("/applications")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }
}
