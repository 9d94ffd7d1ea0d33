package io.kontor.accounting.privacy;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.issue;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays legal: accounting answers data-subject requests with the customer's invoices, and on erasure restricts them
 * instead of erasing - invoices are kept ten years (§147 (1) no. 4, (3), (4) AO, §14b (1) UStG; Art. 17 (3) (b), Art.
 * 18 GDPR).
 */
@QuarkusTest
class AccountingPersonalDataTest {

    @Inject
    SalesEvents sales;

    @Inject
    TestPrivacy privacy;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_access_request_exports_the_customer_and_the_invoices_issued_to_them() {
        var customerId = sales.registerCustomer("Erika Auskunft", 14);
        Issued invoice = issue(customerId, line("Beratung", "2", "100.00", "19"));
        String number = "K-" + customerId.toString().substring(0, 8);

        JsonNode answer = privacy.ask("ACCESS", new DataSubject("Erika Auskunft", null, number, null, null));

        assertThat(answer.path("service").asText()).isEqualTo("accounting-service");
        assertThat(answer.path("found").asBoolean()).isTrue();
        JsonNode invoices = category(answer, "invoices");
        assertThat(invoices.path("records").get(0).path("invoiceNumber").asText())
                .isEqualTo(invoice.number());
        assertThat(invoices.path("records").get(0).path("grossTotal").asText()).isEqualTo("238.00");
        assertThat(invoices.path("legalBasis").asText()).contains("§147 AO").contains("§14b UStG");
        assertThat(category(answer, "customer")
                        .path("records")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("Erika Auskunft");
    }

    @Test
    void an_erasure_restricts_the_invoices_until_ten_years_after_the_invoice_year_and_erases_nothing_par_147_ao() {
        var customerId = sales.registerCustomer("Max Löschwunsch", 14);
        Issued invoice = issue(customerId, line("Beratung", "1", "100.00", "19"));
        String email = "billing@" + customerId.toString().substring(0, 8) + ".example";
        LocalDate issued =
                QuarkusTransaction.requiringNew().call(() -> Invoice.<Invoice>findById(invoice.id()).issueDate);

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, email, null, null, null));

        LocalDate keptUntil = LocalDate.of(issued.getYear() + 10, 12, 31);
        assertThat(answer.path("actions")).isNotEmpty().allSatisfy(action -> {
            assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
            assertThat(action.path("reason").asText()).contains("§147").contains("§14b");
            assertThat(action.path("keptUntil").asText()).isEqualTo(keptUntil.toString());
        });
        assertThat(answer.path("actions").findValuesAsText("category")).contains("customer", "invoices");
        // Nothing erased: the invoice still names the buyer, now marked restricted, and the export still shows it.
        Invoice restricted = QuarkusTransaction.requiringNew().call(() -> Invoice.<Invoice>findById(invoice.id()));
        assertThat(restricted.buyer.name).isEqualTo("Max Löschwunsch");
        assertThat(restricted.processingRestrictedAt).isNotNull();
        assertThat(restricted.restrictedUntil).isEqualTo(keptUntil);
        assertThat(category(answer, "invoices")
                        .path("records")
                        .get(0)
                        .path("restrictedUntil")
                        .asText())
                .isEqualTo(keptUntil.toString());
    }

    @Test
    void the_answer_names_the_partial_credit_notes_and_an_erasure_restricts_them_with_the_invoices_art_15_gdpr() {
        // 2039: a year of its own, as invoice numbers are gapless per year and other tests count on their year's first.
        clock.set(Instant.parse("2039-04-07T09:00:00Z"));
        var customerId = sales.registerCustomer("Gerda Gutschrift", 14);
        Issued invoice = issue(customerId, line("Beratung", "3", "100.00", "19"));
        String creditNote = asAccountant()
                .body("{\"reason\":\"Termin am 3.4. ausgefallen\",\"lines\":[{\"position\":1,\"quantity\":1}]}")
                .post(API + "/invoices/" + invoice.id() + "/credits")
                .then()
                .statusCode(201)
                .extract()
                .path("creditNoteNumber");
        String number = "K-" + customerId.toString().substring(0, 8);

        JsonNode answer = privacy.ask("ACCESS", new DataSubject("Gerda Gutschrift", null, number, null, null));

        JsonNode credit = category(answer, "credit-notes").path("records").get(0);
        assertThat(credit.path("creditNoteNumber").asText()).isEqualTo(creditNote);
        assertThat(credit.path("invoiceNumber").asText()).isEqualTo(invoice.number());
        assertThat(credit.path("reason").asText()).isEqualTo("Termin am 3.4. ausgefallen");
        assertThat(credit.path("grossAmount").asText()).isEqualTo("119.00");

        JsonNode erased = privacy.ask("ERASURE", new DataSubject(null, null, number, null, null));
        JsonNode action = null;
        for (JsonNode candidate : erased.path("actions")) {
            if (candidate.path("category").asText().equals("credit-notes")) {
                action = candidate;
            }
        }
        assertThat(action).as(erased.toString()).isNotNull();
        assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
        assertThat(action.path("records").asInt()).isEqualTo(1);
        assertThat(action.path("keptUntil").asText()).isEqualTo("2049-12-31");
    }

    private static JsonNode category(JsonNode answer, String name) {
        for (JsonNode category : answer.path("records")) {
            if (category.path("category").asText().equals(name)) {
                return category;
            }
        }
        throw new AssertionError("no category " + name + " in " + answer);
    }
}
