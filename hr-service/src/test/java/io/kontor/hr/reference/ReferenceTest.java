package io.kontor.hr.reference;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.pdfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.hr.HrApi;
import io.kontor.platform.events.hr.ReferenceIssued;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceTest {

    private static final String INTERIM_GRADE_1 = """
            {"kind": "INTERIM", "ratings": {"performance": 1, "expertise": 1, "reliability": 1, "conduct": 1},
             "tasks": ["Entwicklung der Bestellstrecke", "Betreuung der Auszubildenden"],
             "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
            """;

    @Test
    void references_are_versioned_and_every_version_is_kept() {
        String employee = hireSomeone("Rita", "Richter").getString("employee.id");

        String first = as("hr").body(INTERIM_GRADE_1)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body(
                        "text",
                        containsString(
                                "Rita Richter erledigt die übertragenen Aufgaben stets zu unserer vollsten Zufriedenheit"))
                .body("text", containsString("– Betreuung der Auszubildenden"))
                .extract()
                .path("id");
        String second = as("hr").body(INTERIM_GRADE_1.replace("\"performance\": 1", "\"performance\": 2"))
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .extract()
                .path("id");
        as("hr").body("""
                {"leavingDate": "2028-06-30", "reason": "RESIGNATION",
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """).post("/employees/" + employee + "/leaving").then().statusCode(200);
        String last = as("hr").body("""
                {"kind": "FINAL", "ratings": {"performance": 3, "expertise": 3, "reliability": 3, "conduct": 3},
                 "tasks": ["Entwicklung der Bestellstrecke"]}
                """)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body(
                        "text",
                        containsString(
                                "scheidet mit Ablauf des 30.06.2028 auf eigenen Wunsch aus unserem Unternehmen aus"))
                .extract()
                .path("id");

        as("hr").get("/employees/" + employee + "/references")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(first, second, last)));
        as("hr").get("/references/" + first).then().statusCode(200).body("ratings.performance", equalTo(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> HrApi.eventsOf("hr.employees", employee, ReferenceIssued.TYPE)
                                .size()
                        == 3);
    }

    @Test
    void the_reference_document_is_a_pdf_with_the_name_and_the_phrasing() {
        String employee = hireSomeone("Jürgen", "Öztürk").getString("employee.id");
        String reference = as("hr").body(INTERIM_GRADE_1)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        byte[] pdf = as("hr").get("/references/" + reference + "/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "Zwischenzeugnis",
                        "Jürgen Öztürk",
                        "Kontor GmbH",
                        "stets zu unserer vollsten Zufriedenheit",
                        "Entwicklung der Bestellstrecke");
        assertThat(awaitEvents("hr.employees", employee, ReferenceIssued.TYPE))
                .singleElement()
                .satisfies(event ->
                        assertThat(event.value()).contains(reference, "INTERIM").doesNotContain("Öztürk"));
    }

    @Test
    void bad_references_are_400_problems_naming_the_field_and_issue_nothing() {
        String employee = hireSomeone("Olaf", "Ohnezeugnis").getString("employee.id");

        as("hr").body("""
                {"kind": "FINAL", "ratings": {"performance": 1, "expertise": 1, "reliability": 1, "conduct": 1}}
                """)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("kind")));
        as("hr").body("""
                {"kind": "INTERIM", "ratings": {"performance": 6, "expertise": 0, "reliability": 1}}
                """)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("ratings.performance"))
                .body("violations.field", hasItem("ratings.expertise"))
                .body("violations.field", hasItem("ratings.conduct"));
        as("hr").body("{\"kind\": \"REFERENZ\", \"ratings\": {}}")
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("kind"));

        as("hr").get("/employees/" + employee + "/references")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void only_hr_issues_references_and_unknown_ones_are_404() {
        String employee = hireSomeone("Petra", "Pause").getString("employee.id");

        as("middle-office")
                .body(INTERIM_GRADE_1)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(403);
        as("front-office").get("/employees/" + employee + "/references").then().statusCode(403);
        as("hr").body(INTERIM_GRADE_1)
                .post("/employees/" + UUID.randomUUID() + "/references")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("hr").get("/references/" + UUID.randomUUID() + "/document").then().statusCode(404);
    }
}
