package io.kontor.process.task;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.asSubject;
import static io.kontor.process.ProcessApi.taskFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.accounting.BankEntryCleared;
import io.kontor.platform.events.accounting.BankEntryUnmatched;
import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.productdevelopment.RequirementChanged;
import io.kontor.platform.events.productdevelopment.RequirementVerified;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Human steps other than approvals become tasks (issue #20): the acting service's event opens one for the role that
 * does the work, with the link to do it and a due time; the event that shows the work done closes it; overdue it is
 * escalated to the process owner.
 */
@QuarkusTest
class HumanStepTasksTest {

    @Inject
    TestEvents events;

    @Inject
    Tasks tasks;

    @Test
    void an_unmatched_bank_entry_is_a_task_for_accounting_until_it_is_assigned() {
        UUID entry = UUID.randomUUID();
        Instant at = Instant.now();
        events.send(
                "accounting-service",
                new BankEntryUnmatched(
                        entry,
                        new BigDecimal("1190.00"),
                        "EUR",
                        LocalDate.now(),
                        "no invoice number in the remittance and no payer name",
                        at));

        JsonPath task = await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("bernd", "accounting", "OPEN", entry.toString()), t -> t != null);
        assertThat(task.getString("kind")).isEqualTo("STEP");
        assertThat(task.getString("act")).isEqualTo(HumanSteps.BANK_ENTRY);
        assertThat(task.getString("title")).contains("1190.00 EUR");
        assertThat(task.getString("link")).isEqualTo("/api/v1/accounting/bank-statements/clearing");
        assertThat(Instant.parse(task.getString("dueAt")))
                .as("kontor.process.task-due-for.bank-entry-assignment: one day")
                .isEqualTo(Instant.parse(task.getString("createdAt")).plus(Duration.ofDays(1)));
        assertThat(taskFor("lena", "legal", "OPEN", entry.toString())).isNull();
        // Not an approval: done where the link leads.
        asSubject("bernd", "accounting")
                .body("{}")
                .post(BASE + "/tasks/" + task.getString("id") + "/approve")
                .then()
                .statusCode(409);

        events.send(
                "accounting-service",
                new BankEntryCleared(entry, BankEntryCleared.ASSIGNED, "RE-2026-000481", Instant.now()));

        JsonPath done = await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("bernd", "accounting", "DONE", entry.toString()), t -> t != null);
        assertThat(done.getString("comment")).isEqualTo("ASSIGNED");
        assertThat(taskFor("bernd", "accounting", "OPEN", entry.toString())).isNull();
    }

    @Test
    void an_offer_in_legal_review_is_a_task_for_legal_until_legal_decides() {
        UUID offer = UUID.randomUUID();
        events.send(
                "sales-backoffice-service",
                new OfferReviewRequested(
                        offer,
                        "AN-2026-000123",
                        1,
                        UUID.randomUUID(),
                        "Großauftrag GmbH",
                        "DE",
                        30,
                        "EUR",
                        new BigDecimal("1000000.00"),
                        new BigDecimal("1190000.00"),
                        null,
                        List.of(),
                        List.of("gross 1190000.00 EUR above 900000.00"),
                        "anna",
                        Instant.now()));
        JsonPath task = await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("lena", "legal", "OPEN", offer.toString()), t -> t != null);
        assertThat(task.getString("title")).contains("AN-2026-000123", "Großauftrag GmbH", "above 900000.00");
        assertThat(task.getString("link")).isEqualTo("/api/v1/legal/reviews?offerId=" + offer);

        events.send(
                "legal-service",
                new OfferReviewApproved(
                        UUID.randomUUID(), offer, "AN-2026-000123", 1, "Passt.", "justiziar", Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("lena", "legal", "DONE", offer.toString()), t -> t != null);
    }

    @Test
    void suspect_requirement_links_are_a_task_until_the_requirement_is_verified_and_escalate_when_overdue() {
        UUID requirement = UUID.randomUUID();
        events.send(
                "product-development-service",
                new RequirementChanged(
                        requirement,
                        "REQ-000042",
                        "Export als CSV",
                        2,
                        List.of("acceptanceCriteria"),
                        3,
                        "paul",
                        Instant.now().minus(Duration.ofDays(6))));
        JsonPath task = await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("pia", "product-development", "OPEN", requirement.toString()), t -> t != null);
        assertThat(task.getString("title")).contains("3 suspect link(s)", "REQ-000042");
        assertThat(taskFor("olga", "process-owner", "OPEN", requirement.toString()))
                .as("not escalated yet")
                .isNull();

        tasks.escalate();
        assertThat(taskFor("olga", "process-owner", "OPEN", requirement.toString()))
                .as("five days are over")
                .isNotNull();

        events.send(
                "product-development-service",
                new RequirementVerified(requirement, "REQ-000042", 2, 4, "paul", Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskFor("pia", "product-development", "DONE", requirement.toString()), t -> t != null);
    }
}
