package io.kontor.accounting.offer;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

    private static List<Invoice> invoicesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Invoice.<Invoice>list("customerId", customerId));
    }
}
