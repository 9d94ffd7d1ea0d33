package io.kontor.productdevelopment.requirement;

import static io.kontor.productdevelopment.ProductDevelopmentApi.REQUIREMENTS;
import static io.kontor.productdevelopment.ProductDevelopmentApi.approved;
import static io.kontor.productdevelopment.ProductDevelopmentApi.as;
import static io.kontor.productdevelopment.ProductDevelopmentApi.backlog;
import static io.kontor.productdevelopment.ProductDevelopmentApi.draft;
import static io.kontor.productdevelopment.ProductDevelopmentApi.item;
import static io.kontor.productdevelopment.ProductDevelopmentApi.pd;
import static io.kontor.productdevelopment.ProductDevelopmentApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.productdevelopment.RequirementApproved;
import io.kontor.platform.events.productdevelopment.RequirementChanged;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequirementTest {

    @Test
    void numbers_have_no_gaps_even_when_a_request_is_refused() {
        draft("Stundenzettel erfassen", "Ein Tag je Zeile");
        pd().body("""
                        {"title":"Verwaist","kind":"FUNCTIONAL","priority":"MUST","parentId":"%s"}""".formatted(UUID.randomUUID()))
                .post(REQUIREMENTS)
                .then()
                .statusCode(400)
                .body("violations.field", contains("parentId"));
        draft("Stundenzettel freigeben", "Vier-Augen-Prinzip");

        List<String> numbers = pd().queryParam("size", 500)
                .get(REQUIREMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.number");
        assertThat(numbers)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size())
                        .mapToObj("REQ-%06d"::formatted)
                        .toList());
    }

    @Test
    void approving_without_acceptance_criteria_is_a_400_naming_the_field_and_leaves_a_draft() {
        String id = draft("Ohne Kriterien");

        pd().post(REQUIREMENTS + "/" + id + "/approve")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("acceptanceCriteria"));

        pd().get(REQUIREMENTS + "/" + id).then().body("status", equalTo("DRAFT"));
        pd().get(REQUIREMENTS + "/" + id + "/versions").then().body("$", hasSize(0));
    }

    @Test
    void a_parent_or_dependency_that_closes_a_cycle_is_a_400_naming_the_field_and_changes_nothing() {
        String top = draft("Zeiterfassung", "Alles erfasst");
        String middle = change(draft("Erfassung am Handy", "App"), "Erfassung am Handy", top, List.of());
        String bottom = change(draft("Offline erfassen", "Ohne Netz"), "Offline erfassen", middle, List.of());

        pd().body(body("Zeiterfassung", bottom, List.of()))
                .put(REQUIREMENTS + "/" + top)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("parentId"))
                .body("detail", containsString("→"));
        pd().get(REQUIREMENTS + "/" + top).then().body("parentId", equalTo(null));

        change(top, "Zeiterfassung", null, List.of(bottom));
        pd().body(body("Offline erfassen", middle, List.of(top)))
                .put(REQUIREMENTS + "/" + bottom)
                .then()
                .statusCode(400)
                .body("violations.field", contains("dependsOn"));
        pd().get(REQUIREMENTS + "/" + bottom).then().body("dependsOn", hasSize(0));
        pd().get(REQUIREMENTS + "/" + middle).then().body("children", contains(bottom));
    }

    @Test
    void changing_an_approved_requirement_makes_a_new_version_and_its_links_suspect_until_confirmed() {
        String id = approved("Export als CSV", "Semikolon als Trenner");
        String items = backlog("Export");
        item(items, "CSV-Export bauen", id);
        pd().body("{\"title\":\"Export mit Excel öffnen\"}")
                .post(REQUIREMENTS + "/" + id + "/test-cases")
                .then()
                .statusCode(201);
        pd().get(REQUIREMENTS + "/" + id).then().body("suspect", equalTo(false));

        pd().body("""
                        {"title":"Export als CSV","description":"Als Nutzer möchte ich *Export als CSV*.\\nMit Kopfzeile.","kind":"FUNCTIONAL","priority":"MUST","acceptanceCriteria":["Komma als Trenner"]}""")
                .put(REQUIREMENTS + "/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("suspect", equalTo(true));

        pd().get(REQUIREMENTS + "/" + id + "/versions").then().body("version", contains(1, 2));
        pd().get(REQUIREMENTS + "/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("from", equalTo(1))
                .body("to", equalTo(2))
                .body("changes.field", contains("description", "acceptanceCriteria"))
                .body("changes[0].lines", contains(" Als Nutzer möchte ich *Export als CSV*.", "+Mit Kopfzeile."))
                .body("changes[1].lines", contains("-Semikolon als Trenner", "+Komma als Trenner"));
        List<String> links = pd().get(REQUIREMENTS + "/" + id + "/links")
                .then()
                .body("suspect", everyItem(equalTo(true)))
                .body("suspectSince", everyItem(equalTo(2)))
                .body("kind", hasSize(2))
                .extract()
                .jsonPath()
                .getList("id");

        for (String link : links) {
            pd().post(REQUIREMENTS + "/" + id + "/links/" + link + "/confirm")
                    .then()
                    .statusCode(200)
                    .body("suspect", equalTo(false))
                    .body("confirmedBy", equalTo("test-user"));
        }
        pd().get(REQUIREMENTS + "/" + id).then().body("suspect", equalTo(false));

        List<JsonNode> changed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> published(RequirementChanged.TOPIC, RequirementChanged.TYPE, id),
                        found -> !found.isEmpty());
        assertThat(changed.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(changed.get(0).get("suspectLinks").asInt()).isEqualTo(2);
        assertThat(changed.get(0).get("changedFields").toString()).contains("description", "acceptanceCriteria");
        assertThat(published(RequirementApproved.TOPIC, RequirementApproved.TYPE, id))
                .hasSize(1);
    }

    @Test
    void a_legal_source_names_its_document_and_an_offer_line_becomes_one_requirement_only() {
        pd().body("""
                        {"title":"Aufbewahrung","kind":"REGULATORY","priority":"MUST","source":{"kind":"LEGAL"}}""").post(REQUIREMENTS).then().statusCode(400).body("violations.field", contains("source.document"));
        String offer = UUID.randomUUID().toString();
        String line = """
                {"title":"Schnittstelle","kind":"FUNCTIONAL","priority":"MUST","source":{"kind":"OFFER","offerId":"%s","offerLine":2}}""".formatted(offer);
        pd().body(line).post(REQUIREMENTS).then().statusCode(201).body("source.offerLine", equalTo(2));

        pd().body(line).post(REQUIREMENTS).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void a_draft_changes_in_place_and_another_role_may_not_touch_requirements() {
        String id = draft("Entwurf", "Kriterium");
        change(id, "Entwurf, überarbeitet", null, List.of());
        pd().get(REQUIREMENTS + "/" + id)
                .then()
                .body("version", equalTo(1))
                .body("title", equalTo("Entwurf, überarbeitet"));

        as("sales").get(REQUIREMENTS + "/" + id).then().statusCode(403);
        as("project-office").post(REQUIREMENTS + "/" + id + "/approve").then().statusCode(403);
    }

    private static String change(String id, String title, String parentId, List<String> dependsOn) {
        pd().body(body(title, parentId, dependsOn))
                .put(REQUIREMENTS + "/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    private static String body(String title, String parentId, List<String> dependsOn) {
        return """
                {"title":"%s","kind":"FUNCTIONAL","priority":"MUST","acceptanceCriteria":["Kriterium"],"parentId":%s,"dependsOn":[%s]}""".formatted(
                title,
                parentId == null ? "null" : "\"" + parentId + "\"",
                String.join(",", dependsOn.stream().map(d -> "\"" + d + "\"").toList()));
    }
}
