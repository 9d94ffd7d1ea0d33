package io.kontor.accounting.offer;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MilestoneBillingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PROJECT_OFFICE = "project-office-service";

    @Inject
    SalesEvents sales;

    @Inject
    TestEvents events;

    @Test
    void a_completed_milestone_of_an_offer_billed_by_milestones_becomes_one_issued_invoice_even_when_delivered_twice() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted offer = OfferAcceptedBillingTest.offer(customerId, BillingMode.MILESTONES, 30);
        String accepted = sales.send(offer);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("OfferAcceptedHandler.on", accepted));
        MilestoneCompleted milestone = new MilestoneCompleted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Konzept",
                offer.offerId(),
                customerId,
                new BigDecimal("500.00"),
                "EUR",
                LocalDate.parse("2030-09-01"));

        events.send(PROJECT_OFFICE, milestone);
        String again = events.send(PROJECT_OFFICE, milestone);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("MilestoneCompletedHandler.on", again));

        List<Invoice> invoices = invoicesOf(customerId);
        assertThat(invoices).hasSize(1);
        Invoice invoice = invoices.get(0);
        assertThat(invoice.origin).isEqualTo(InvoiceOrigin.MILESTONE);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.milestoneId).isEqualTo(milestone.milestoneId());
        assertThat(invoice.offerId).isEqualTo(offer.offerId());
        // The offer mixes 19 % (1700.00 net) and 7 % (67.47 net): 480.91 at 19 %, 19.09 at 7 %.
        assertThat(invoice.netTotal).isEqualByComparingTo("500.00");
        assertThat(invoice.vatTotal).isEqualByComparingTo("92.71"); // 91.37 + 1.34
        assertThat(invoice.grossTotal).isEqualByComparingTo("592.71");
        asAccountant().when().get(API + "/invoices/" + invoice.id).then().statusCode(200);
    }

    @Test
    void a_milestone_of_an_offer_billed_on_acceptance_is_not_billed_again() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted offer = OfferAcceptedBillingTest.offer(customerId, BillingMode.ON_ACCEPTANCE, 30);
        String accepted = sales.send(offer);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("OfferAcceptedHandler.on", accepted));

        String completed = events.send(
                PROJECT_OFFICE,
                new MilestoneCompleted(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Abnahme",
                        offer.offerId(),
                        customerId,
                        new BigDecimal("500.00"),
                        "EUR",
                        LocalDate.parse("2030-09-01")));
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("MilestoneCompletedHandler.on", completed));

        assertThat(invoicesOf(customerId))
                .extracting(invoice -> invoice.origin)
                .containsExactly(InvoiceOrigin.OFFER_ACCEPTANCE);
    }

    /**
     * Issue #15: milestones bill at most the accepted offer's net total (a milestone beyond it is not billed, it goes
     * to the dead letters for a person), and the milestone that completes the total is billed by a final invoice over
     * the whole offer that deducts the partial invoice with its VAT (§14 (5) UStG).
     */
    @Test
    void beyond_the_offers_total_nothing_is_billed_and_the_last_milestone_is_a_final_invoice_deducting_the_first() {
        UUID customerId = UUID.randomUUID();
        // 1767.47 net: 1700.00 at 19 %, 67.47 at 7 %.
        OfferAccepted offer = OfferAcceptedBillingTest.offer(customerId, BillingMode.MILESTONES, 30);
        String accepted = sales.send(offer);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("OfferAcceptedHandler.on", accepted));

        String first = events.send(PROJECT_OFFICE, milestone(offer, customerId, "Konzept", "1000.00"));
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("MilestoneCompletedHandler.on", first));
        String beyond = events.send(PROJECT_OFFICE, milestone(offer, customerId, "Zu viel", "767.48"));
        List<ConsumerRecord<String, String>> parked = await().atMost(PATIENCE)
                .until(
                        () -> TestKafka.readAll("accounting-service.dlq", Duration.ofMillis(200)).stream()
                                .filter(r -> beyond.equals(TestKafka.header(r, CloudEventHeaders.ID)))
                                .toList(),
                        letters -> !letters.isEmpty());
        assertThat(TestKafka.header(parked.get(0), CloudEventHeaders.DLQ_ERROR)).contains("more than offer");
        assertThat(invoicesOf(customerId)).hasSize(1);

        String last = events.send(PROJECT_OFFICE, milestone(offer, customerId, "Abnahme", "767.47"));
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("MilestoneCompletedHandler.on", last));

        List<Invoice> invoices = invoicesOf(customerId);
        assertThat(invoices).hasSize(2);
        Invoice partial =
                invoices.stream().filter(i -> !i.finalInvoice).findFirst().orElseThrow();
        Invoice finalInvoice =
                invoices.stream().filter(i -> i.finalInvoice).findFirst().orElseThrow();
        assertThat(partial.netTotal).isEqualByComparingTo("1000.00");
        assertThat(finalInvoice.netTotal).isEqualByComparingTo("767.47");
        // Together exactly the offer: 1767.47 net and its VAT of 327.72.
        assertThat(partial.vatTotal.add(finalInvoice.vatTotal)).isEqualByComparingTo("327.72");
        List<String> deducted = QuarkusTransaction.requiringNew()
                .call(() -> Invoice.<Invoice>findById(finalInvoice.id).deductions.stream()
                        .map(deduction -> deduction.invoiceNumber)
                        .toList());
        assertThat(deducted).containsOnly(partial.invoiceNumber);
        BigDecimal prepaid = QuarkusTransaction.requiringNew()
                .call(() -> Invoice.<Invoice>findById(finalInvoice.id).prepaidTotal());
        assertThat(prepaid).isEqualByComparingTo(partial.grossTotal);
        // The API shows what the PDF and the XRechnung show: the partial invoice deducted per rate with its VAT.
        io.restassured.path.json.JsonPath view = asAccountant()
                .get(API + "/invoices/" + finalInvoice.id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getBoolean("finalInvoice")).isTrue();
        assertThat(view.getList("deductions.invoiceNumber", String.class)).containsOnly(partial.invoiceNumber);
        assertThat(new BigDecimal(view.getString("prepaidTotal"))).isEqualByComparingTo(partial.grossTotal);
        BigDecimal deductedNet = view.getList("deductions.netAmount", String.class).stream()
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(deductedNet).isEqualByComparingTo(partial.netTotal);
    }

    private static MilestoneCompleted milestone(OfferAccepted offer, UUID customerId, String name, String amount) {
        return new MilestoneCompleted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                name,
                offer.offerId(),
                customerId,
                new BigDecimal(amount),
                "EUR",
                LocalDate.parse("2030-09-01"));
    }

    private static List<Invoice> invoicesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Invoice.<Invoice>list("customerId", customerId));
    }
}
