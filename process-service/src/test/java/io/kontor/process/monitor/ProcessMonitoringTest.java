package io.kontor.process.monitor;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events of several services become cases with steps, cycle times and variants; a rebuild gives the same. */
@QuarkusTest
class ProcessMonitoringTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    TestEvents events;

    @Test
    void a_quote_to_cash_case_shows_its_steps_and_its_cycle_time() {
        UUID offer = new Flows(events).quoteToCash(MONDAY, true);

        JsonPath found = awaitCase("quote-to-cash", offer, 5);

        assertThat(found.getString("status")).isEqualTo("CLOSED");
        assertThat(found.getList("steps.step"))
                .containsExactly("Offer sent", "Offer accepted", "Invoice issued", "Payment received", "Invoice paid");
        assertThat(Duration.parse(found.getString("cycleTime"))).isEqualTo(Duration.ofDays(13));
        assertThat(Duration.parse(found.getString("steps[2].sincePrevious"))).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void dunning_notices_that_name_only_the_invoice_join_its_case() {
        UUID invoice = new Flows(events).dunning(MONDAY);

        JsonPath found = awaitCase("dunning", invoice, 2);

        assertThat(found.getString("status")).isEqualTo("OPEN");
        assertThat(found.getList("steps.step")).containsExactly("Invoice overdue", "Dunning notice issued");
    }

    @Test
    void applications_to_an_opening_join_the_staffing_case_once_the_hire_names_its_request() {
        UUID request = new Flows(events).staffing(MONDAY);

        JsonPath found = awaitCase("staffing-to-hire", request, 4);

        assertThat(found.getString("status")).isEqualTo("CLOSED");
        assertThat(found.getList("steps.step"))
                .containsExactly(
                        "Staffing requested", "Application received", "Application received", "Candidate hired");
        assertThat(Duration.parse(found.getString("cycleTime"))).isEqualTo(Duration.ofDays(20));
    }

    @Test
    void the_figures_count_open_and_closed_cases_with_percentiles_per_step_and_variants() {
        Flows flows = new Flows(events);
        UUID paid = flows.quoteToCash(MONDAY, true);
        UUID unpaid = flows.quoteToCash(MONDAY, false);
        awaitCase("quote-to-cash", paid, 5);
        awaitCase("quote-to-cash", unpaid, 3);

        JsonPath figures = owner().get(BASE + "/quote-to-cash")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(figures.getLong("open")).isGreaterThanOrEqualTo(1);
        assertThat(figures.getLong("closed")).isGreaterThanOrEqualTo(1);
        assertThat(figures.getString("endToEnd.p50")).isNotNull();
        assertThat(figures.getInt("perStep.'Invoice issued'.count")).isGreaterThanOrEqualTo(2);
        assertThat(figures.getList("variants.steps", String.class))
                .contains(
                        "Offer sent → Offer accepted → Invoice issued",
                        "Offer sent → Offer accepted → Invoice issued → Payment received → Invoice paid");
    }

    @Test
    void rebuilding_from_the_audit_trail_gives_the_same_cases_and_figures() {
        Flows flows = new Flows(events);
        UUID offer = flows.quoteToCash(MONDAY, true);
        UUID request = flows.staffing(MONDAY);
        awaitCase("quote-to-cash", offer, 5);
        awaitCase("staffing-to-hire", request, 4);
        // Settle: nothing may arrive between the two snapshots.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        List<String> before = snapshot();

        long replayed = owner().post(BASE + "/monitoring/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("replayedEvents");

        assertThat(replayed).isGreaterThanOrEqualTo(9);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void an_unknown_process_is_404_and_a_bad_status_400_naming_it() {
        owner().get(BASE + "/order-to-nowhere").then().statusCode(404);
        owner().queryParam("status", "STUCK")
                .get(BASE + "/quote-to-cash/cases")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("status"));
    }

    @Test
    void the_maps_are_served_as_mermaid_and_bpmn() {
        String mermaid = owner().get(BASE + "/maps/quote-to-cash/mermaid")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String bpmn = owner().get(BASE + "/maps/quote-to-cash/bpmn")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("quote-to-cash.bpmn"))
                .extract()
                .asString();

        assertThat(mermaid).contains("flowchart LR", "-->|accounting-service reacts|");
        assertThat(bpmn).contains("<bpmn:definitions", "<bpmn:lane id=\"lane-accounting-service\"");
        owner().get(BASE + "/maps/order-to-nowhere/bpmn").then().statusCode(404);
    }

    /** Every case of every process with its steps, and the figures: what a rebuild must give again. */
    private static List<String> snapshot() {
        List<String> all = new java.util.ArrayList<>();
        for (String process : List.of("quote-to-cash", "dunning", "staffing-to-hire")) {
            all.add(owner().get(BASE + "/" + process)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            int page = 0;
            while (true) {
                JsonPath cases = owner().queryParam("page", page)
                        .queryParam("size", 200)
                        .get(BASE + "/" + process + "/cases")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<Object> items = cases.getList("items");
                if (items.isEmpty()) {
                    break;
                }
                all.add(cases.prettify());
                page++;
            }
        }
        return all;
    }

    static JsonPath awaitCase(String process, UUID root, int steps) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> caseOf(process, root),
                        c -> c != null && c.getList("steps").size() >= steps);
    }

    static JsonPath caseOf(String process, UUID root) {
        JsonPath cases = owner().queryParam("root", root.toString())
                .get(BASE + "/" + process + "/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        if (cases.getList("items").isEmpty()) {
            return null;
        }
        String id = cases.getString("items[0].id");
        return owner().get(BASE + "/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
