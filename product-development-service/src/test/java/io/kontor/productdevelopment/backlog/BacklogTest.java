package io.kontor.productdevelopment.backlog;

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
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.productdevelopment.BacklogItemCompleted;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BacklogTest {

    @Test
    void moving_an_item_before_or_after_another_changes_only_its_own_rank() {
        String backlog = backlog("Reihenfolge");
        String a = item(backlog, "A");
        String b = item(backlog, "B");
        String c = item(backlog, "C");
        String d = item(backlog, "D");
        List<String> ranksBefore = ranks(backlog);

        pd().body("{\"before\":\"" + a + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items/" + d + "/move")
                .then()
                .statusCode(200)
                .body("position", equalTo(1));
        pd().body("{\"after\":\"" + c + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items/" + a + "/move")
                .then()
                .statusCode(200)
                .body("position", equalTo(4));

        pd().get(BACKLOGS + "/" + backlog + "/items")
                .then()
                .body("title", contains("D", "B", "C", "A"))
                .body("position", contains(1, 2, 3, 4));
        List<String> ranksAfter = ranks(backlog);
        // B and C kept their keys: nothing was renumbered.
        assertThat(ranksAfter.get(1)).isEqualTo(ranksBefore.get(1));
        assertThat(ranksAfter.get(2)).isEqualTo(ranksBefore.get(2));
        assertThat(b).isNotEqualTo(c);
    }

    @Test
    void moving_relative_to_an_item_of_another_backlog_is_a_400_naming_the_field_and_moves_nothing() {
        String backlog = backlog("Eins");
        String other = backlog("Zwei");
        String a = item(backlog, "A");
        String b = item(backlog, "B");
        String foreign = item(other, "Fremd");

        pd().body("{\"before\":\"" + foreign + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items/" + b + "/move")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("before"));
        pd().body("{\"after\":\"" + UUID.randomUUID() + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items/" + b + "/move")
                .then()
                .statusCode(400)
                .body("violations.field", contains("after"));
        pd().body("{\"before\":\"" + a + "\",\"after\":\"" + a + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items/" + b + "/move")
                .then()
                .statusCode(400);

        pd().get(BACKLOGS + "/" + backlog + "/items").then().body("title", contains("A", "B"));
    }

    @Test
    void an_iteration_takes_items_up_to_its_capacity() {
        String backlog = backlog("Sprints");
        String sprint = pd().body(
                        "{\"name\":\"Sprint 1\",\"startsOn\":\"2027-01-04\",\"endsOn\":\"2027-01-15\",\"capacity\":5}")
                .post(BACKLOGS + "/" + backlog + "/iterations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        pd().body("{\"kind\":\"TASK\",\"title\":\"Drei Punkte\",\"estimate\":3,\"iterationId\":\"" + sprint + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items")
                .then()
                .statusCode(201);

        pd().body("{\"kind\":\"TASK\",\"title\":\"Zu viel\",\"estimate\":2.5,\"iterationId\":\"" + sprint + "\"}")
                .post(BACKLOGS + "/" + backlog + "/items")
                .then()
                .statusCode(400)
                .body("violations.field", contains("iterationId"));

        pd().get(BACKLOGS + "/" + backlog + "/iterations")
                .then()
                .body("[0].planned", equalTo(3.0f))
                .body("[0].capacity", equalTo(5.0f));
        pd().get(BACKLOGS + "/" + backlog + "/items").then().body("title", contains("Drei Punkte"));
    }

    @Test
    void completing_the_last_item_of_a_requirement_implements_it_and_announces_the_item_with_its_milestone() {
        String requirement = approved("PDF-Rechnung", "ZUGFeRD-Profil EN 16931");
        String backlog = backlog("Rechnung");
        UUID milestone = UUID.randomUUID();
        String first = item(backlog, "Layout", requirement);
        String second = pd().body("{\"kind\":\"TASK\",\"title\":\"XML einbetten\",\"milestoneId\":\"" + milestone
                        + "\",\"requirementIds\":[\"" + requirement + "\"]}")
                .post(BACKLOGS + "/" + backlog + "/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        pd().post(BACKLOGS + "/" + backlog + "/items/" + first + "/complete")
                .then()
                .statusCode(409);
        for (String item : List.of(first, second)) {
            pd().post(BACKLOGS + "/" + backlog + "/items/" + item + "/start")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("IN_PROGRESS"));
        }
        pd().post(BACKLOGS + "/" + backlog + "/items/" + first + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"));
        pd().get(REQUIREMENTS + "/" + requirement).then().body("status", equalTo("APPROVED"));
        pd().post(BACKLOGS + "/" + backlog + "/items/" + second + "/complete")
                .then()
                .statusCode(200);
        pd().get(REQUIREMENTS + "/" + requirement).then().body("status", equalTo("IMPLEMENTED"));

        List<JsonNode> completed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> published(BacklogItemCompleted.TOPIC, BacklogItemCompleted.TYPE, second),
                        found -> !found.isEmpty());
        JsonNode event = completed.get(0);
        assertThat(event.get("milestoneId").asText()).isEqualTo(milestone.toString());
        assertThat(event.get("requirements").get(0).get("requirementId").asText())
                .isEqualTo(requirement);
        assertThat(event.get("requirements").get(0).get("number").asText()).startsWith("REQ-");
    }

    private static List<String> ranks(String backlog) {
        return pd().get(BACKLOGS + "/" + backlog + "/items")
                .then()
                .extract()
                .jsonPath()
                .getList("rank");
    }
}
