package io.kontor.productdevelopment.verification;

import static io.kontor.productdevelopment.ProductDevelopmentApi.BACKLOGS;
import static io.kontor.productdevelopment.ProductDevelopmentApi.REQUIREMENTS;
import static io.kontor.productdevelopment.ProductDevelopmentApi.approved;
import static io.kontor.productdevelopment.ProductDevelopmentApi.backlog;
import static io.kontor.productdevelopment.ProductDevelopmentApi.item;
import static io.kontor.productdevelopment.ProductDevelopmentApi.pd;
import static io.kontor.productdevelopment.ProductDevelopmentApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.platform.events.productdevelopment.RequirementVerified;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerificationTest {

    @Test
    void a_requirement_is_verified_only_when_every_test_case_last_passed_and_nothing_is_suspect() {
        String requirement = implemented("Mahnstufen", "Drei Stufen", "Zinsen nach §288 BGB");

        verify(requirement)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("testCases"));

        List<String> cases = pd().post(REQUIREMENTS + "/" + requirement + "/test-cases/from-acceptance-criteria")
                .then()
                .statusCode(200)
                .body("title", contains("Drei Stufen", "Zinsen nach §288 BGB"))
                .extract()
                .jsonPath()
                .getList("id");
        run(requirement, cases.get(0), "PASSED");
        verify(requirement).statusCode(400).body("violations.field", contains("testCases"));

        run(requirement, cases.get(1), "FAILED");
        verify(requirement)
                .statusCode(400)
                .body("violations.field", contains("testCases"))
                .body("detail", containsString("Zinsen"));

        run(requirement, cases.get(1), "PASSED");
        pd().get(REQUIREMENTS + "/" + requirement + "/test-cases/" + cases.get(1) + "/runs")
                .then()
                .body("result", contains("PASSED", "FAILED"))
                .body("[0].runBy", equalTo("test-user"));
        verify(requirement).statusCode(200).body("status", equalTo("VERIFIED"));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> published(RequirementVerified.TOPIC, RequirementVerified.TYPE, requirement),
                        found -> found.size() == 1
                                && found.get(0).get("testCases").asInt() == 2);
    }

    @Test
    void a_change_after_verification_needs_its_links_confirmed_before_it_is_verified_again() {
        String requirement = implemented("Export", "CSV");
        String testCase = pd().body("{\"title\":\"CSV öffnen\"}")
                .post(REQUIREMENTS + "/" + requirement + "/test-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        run(requirement, testCase, "PASSED");
        verify(requirement).statusCode(200);

        pd().body(
                        "{\"title\":\"Export\",\"kind\":\"FUNCTIONAL\",\"priority\":\"MUST\",\"acceptanceCriteria\":[\"CSV mit BOM\"]}")
                .put(REQUIREMENTS + "/" + requirement)
                .then()
                .statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("version", equalTo(2));
        verify(requirement).statusCode(400).body("violations.field", contains("links"));
        pd().get(REQUIREMENTS + "/" + requirement).then().body("status", equalTo("IMPLEMENTED"));

        for (String link : pd().get(REQUIREMENTS + "/" + requirement + "/links")
                .then()
                .extract()
                .jsonPath()
                .<String>getList("id")) {
            pd().post(REQUIREMENTS + "/" + requirement + "/links/" + link + "/confirm")
                    .then()
                    .statusCode(200);
        }
        verify(requirement).statusCode(200).body("status", equalTo("VERIFIED"));
        assertThat(published(RequirementVerified.TOPIC, RequirementVerified.TYPE, requirement))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void a_run_in_the_future_or_with_an_odd_evidence_link_is_a_400_naming_the_field() {
        String requirement = approved("Belege", "GoBD Rz. 58");
        String testCase = pd().body("{\"title\":\"Beleg unveränderbar\"}")
                .post(REQUIREMENTS + "/" + requirement + "/test-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String runs = REQUIREMENTS + "/" + requirement + "/test-cases/" + testCase + "/runs";

        pd().body("{\"result\":\"PASSED\",\"runAt\":\"2999-01-01T00:00:00Z\"}")
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations.field", contains("runAt"));
        pd().body("{\"result\":\"PASSED\",\"evidenceUrl\":\"javascript:alert(1)\"}")
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations.field", contains("evidenceUrl"));
        pd().get(runs).then().body("$", hasSize(0));
    }

    private static String implemented(String title, String... criteria) {
        String requirement = approved(title, criteria);
        String backlog = backlog("Verifikation " + title);
        String item = item(backlog, title + " bauen", requirement);
        pd().post(BACKLOGS + "/" + backlog + "/items/" + item + "/start").then().statusCode(200);
        pd().post(BACKLOGS + "/" + backlog + "/items/" + item + "/complete")
                .then()
                .statusCode(200);
        return requirement;
    }

    private static void run(String requirement, String testCase, String result) {
        pd().body("{\"result\":\"" + result + "\",\"evidenceUrl\":\"https://ci.kontor.example/run/1\"}")
                .post(REQUIREMENTS + "/" + requirement + "/test-cases/" + testCase + "/runs")
                .then()
                .statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse verify(String requirement) {
        return pd().post(REQUIREMENTS + "/" + requirement + "/verify").then();
    }
}
