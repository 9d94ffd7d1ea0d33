package io.kontor.accounting.offer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.invoice.InvoiceView;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferAcceptedBillingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HANDLER = "OfferAcceptedHandler.on";

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_offer_accepted_for_billing_on_acceptance_becomes_exactly_one_issued_invoice_even_when_delivered_twice() {
        clock.set(Instant.parse("2030-06-15T10:00:00Z"));
        // Not registered in the replica: the event carries the customer, billing must not wait for sales.customers.
        UUID customerId = UUID.randomUUID();
        OfferAccepted accepted = offer(customerId, BillingMode.ON_ACCEPTANCE, 30);

        String eventId = UUID.randomUUID().toString();
        sales.send(accepted, eventId, Instant.now());
        sales.send(accepted, eventId, Instant.now());
        // The same fact once more under a new ce_id (a producer retry after a crash). Same key, same partition:
        // once it is consumed, so are both copies before it.
        String resentId = sales.send(accepted);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed(HANDLER, resentId));

        List<InvoiceView> invoices = invoicesOf(customerId);
        assertThat(invoices).hasSize(1);
        InvoiceView invoice = invoices.get(0);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.offerId()).isEqualTo(accepted.offerId());
        assertThat(invoice.invoiceNumber()).matches("RE-2030-\\d{6}");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.parse("2030-06-15"));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2030-07-15"));
        assertThat(invoice.netTotal()).isEqualTo(new BigDecimal("1767.47"));
        assertThat(invoice.vatTotal()).isEqualTo(new BigDecimal("327.72"));
        assertThat(invoice.grossTotal()).isEqualTo(new BigDecimal("2095.19"));
        assertThat(invoice.paidAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(invoice.openAmount()).isEqualTo(new BigDecimal("2095.19"));
        assertThat(invoice.dunningLevel()).isZero();
        assertThat(invoice.overdue()).isFalse();
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.buyer().name()).isEqualTo("Quote to Cash GmbH");
        assertThat(invoice.lines())
                .extracting(InvoiceView.LineView::description)
                .containsExactly("Beratung", "Fachbuch", "Schulung");
        assertThat(invoice.lines())
                .extracting(InvoiceView.LineView::netAmount)
                .containsExactly(new BigDecimal("1200.00"), new BigDecimal("67.47"), new BigDecimal("500.00"));
    }

    @Test
    void the_issued_invoice_is_published_on_accounting_invoices() throws Exception {
        clock.set(Instant.parse("2030-06-15T10:00:00Z"));
        UUID customerId = UUID.randomUUID();
        OfferAccepted accepted = offer(customerId, BillingMode.ON_ACCEPTANCE, 30);
        sales.send(accepted);
        InvoiceView invoice = await().atMost(PATIENCE)
                .until(() -> invoicesOf(customerId), list -> !list.isEmpty())
                .get(0);

        await().atMost(PATIENCE)
                .until(() -> issuedEventsOf(invoice.id(), Duration.ofMillis(200)), records -> !records.isEmpty());
        List<ConsumerRecord<String, String>> records = issuedEventsOf(invoice.id(), Duration.ofMillis(500));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("kontor.accounting.invoice-issued.v1");
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/kontor/accounting-service");
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT))
                .isEqualTo(invoice.id().toString());
        InvoiceIssued issued = json.readValue(record.value(), InvoiceIssued.class);
        // The frozen PDF is named by its hash (GoBD Rz. 58): process-service's compliance report looks for it.
        assertThat(issued.documentSha256()).matches("[0-9a-f]{64}");
        assertThat(issued)
                .usingRecursiveComparison()
                .ignoringFields("documentSha256")
                .isEqualTo(new InvoiceIssued(
                        invoice.id(),
                        invoice.invoiceNumber(),
                        customerId,
                        accepted.offerId(),
                        LocalDate.parse("2030-06-15"),
                        LocalDate.parse("2030-07-15"),
                        new BigDecimal("1767.47"),
                        new BigDecimal("327.72"),
                        new BigDecimal("2095.19"),
                        "EUR",
                        null,
                        null,
                        null));
    }

    @Test
    void an_invoice_issued_just_after_midnight_in_germany_belongs_to_the_new_year() {
        // 23:30 UTC on New Year's Eve is half past midnight in Berlin.
        clock.set(Instant.parse("2032-12-31T23:30:00Z"));
        UUID customerId = UUID.randomUUID();
        sales.send(offer(customerId, BillingMode.ON_ACCEPTANCE, 14));

        InvoiceView invoice = await().atMost(PATIENCE)
                .until(() -> invoicesOf(customerId), list -> !list.isEmpty())
                .get(0);

        assertThat(invoice.issueDate()).isEqualTo(LocalDate.parse("2033-01-01"));
        assertThat(invoice.invoiceNumber()).isEqualTo("RE-2033-000001");
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2033-01-15"));
    }

    @Test
    void an_offer_billed_by_milestones_is_remembered_but_not_invoiced_on_acceptance() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted accepted = offer(customerId, BillingMode.MILESTONES, 30);

        String eventId = sales.send(accepted);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed(HANDLER, eventId));

        assertThat(invoicesOf(customerId)).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> {
            AcceptedOffer offer = AcceptedOffer.findById(accepted.offerId());
            assertThat(offer).isNotNull();
            assertThat(offer.billing).isEqualTo(BillingMode.MILESTONES);
            assertThat(offer.customerId).isEqualTo(customerId);
            assertThat(offer.paymentTermDays).isEqualTo(30);
            assertThat(offer.buyer.name).isEqualTo("Quote to Cash GmbH");
            assertThat(offer.lines).hasSize(3);
        });
    }

    @Test
    void an_accepted_offer_that_cannot_be_billed_goes_to_the_dead_letters_and_the_next_one_is_still_billed() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted good = offer(customerId, BillingMode.ON_ACCEPTANCE, 30);
        OfferAccepted withoutLines = new OfferAccepted(
                UUID.randomUUID(),
                "A-EMPTY",
                1,
                customerId,
                good.customer(),
                BillingMode.ON_ACCEPTANCE,
                "EUR",
                List.of(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null);

        String poisonId = sales.send(withoutLines);
        sales.send(good);

        await().atMost(PATIENCE).until(() -> invoicesOf(customerId), list -> !list.isEmpty());
        List<ConsumerRecord<String, String>> deadLetters = await().atMost(PATIENCE)
                .until(
                        () -> TestKafka.readAll("accounting-service.dlq", Duration.ofMillis(200)).stream()
                                .filter(r -> poisonId.equals(TestKafka.header(r, CloudEventHeaders.ID)))
                                .toList(),
                        letters -> !letters.isEmpty());
        assertThat(TestKafka.header(deadLetters.get(0), CloudEventHeaders.DLQ_CONSUMER))
                .isEqualTo("accounting-service/OfferAcceptedHandler.on");
        assertThat(TestKafka.header(deadLetters.get(0), CloudEventHeaders.DLQ_ERROR))
                .contains("no lines");
        // Parked on accounting's own dead-letter topic, with the topic it was read from.
        assertThat(TestKafka.header(deadLetters.get(0), CloudEventHeaders.DLQ_TOPIC))
                .isEqualTo("sales.offers");
        assertThat(invoicesOf(customerId)).extracting(InvoiceView::offerId).containsExactly(good.offerId());
    }

    /**
     * Issue #15: a heading (no amount), a free line (no SKU) and a 10 % discount on the whole offer before VAT arrive
     * as sales computed them, and the invoice has the offer's totals to the cent (§14 (4) Nr. 7/8 UStG, EN 16931
     * BG-20).
     */
    @Test
    void an_offer_with_a_heading_a_free_line_and_a_document_discount_is_invoiced_with_the_offers_totals() {
        clock.set(Instant.parse("2030-06-15T10:00:00Z"));
        UUID customerId = UUID.randomUUID();
        CustomerRegistered customer = SalesEvents.registered(customerId, "Freitext GmbH", 14);
        List<OfferLine> lines = List.of(
                new OfferLine(
                        null,
                        "Phase 1: Analyse",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        OfferLineKind.TEXT),
                new OfferLine(
                        "BER-SEN",
                        "Beratung",
                        new BigDecimal("2"),
                        "h",
                        new BigDecimal("100.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("19"),
                        new BigDecimal("200.00"),
                        null,
                        null,
                        false,
                        null),
                new OfferLine(
                        null,
                        "Fachbuch zur Schulung",
                        BigDecimal.ONE,
                        "Stk",
                        new BigDecimal("50.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("7"),
                        new BigDecimal("50.00"),
                        TaxTreatment.DOMESTIC,
                        null,
                        false,
                        OfferLineKind.FREE));
        OfferAccepted accepted = new OfferAccepted(
                UUID.randomUUID(),
                "AN-2030-000043",
                1,
                customerId,
                SalesEvents.snapshot(customer),
                BillingMode.ON_ACCEPTANCE,
                "EUR",
                lines,
                new BigDecimal("225.00"),
                new BigDecimal("37.35"),
                new BigDecimal("262.35"),
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                new DocumentDiscount(new BigDecimal("10"), new BigDecimal("25.00"), null));

        String eventId = sales.send(accepted);
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed(HANDLER, eventId));

        List<InvoiceView> invoices = invoicesOf(customerId);
        assertThat(invoices).hasSize(1);
        InvoiceView invoice = invoices.get(0);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.netTotal()).isEqualByComparingTo("225.00");
        assertThat(invoice.vatTotal()).isEqualByComparingTo("37.35");
        assertThat(invoice.grossTotal()).isEqualByComparingTo("262.35");
        assertThat(invoice.lines()).hasSize(3);
        // The API shows the discount as the documents carry it: 10 % of 250.00, split over the rates by their nets
        // (200.00 at 19 %, 50.00 at 7 %) into one allowance each (EN 16931 BG-20, §10 (1) UStG).
        assertThat(invoice.discount().amount()).isEqualByComparingTo("25.00");
        assertThat(invoice.discount().percent()).isEqualByComparingTo("10");
        assertThat(invoice.discount().label()).isEqualTo("Rabatt 10 %");
        assertThat(invoice.discount().allowances())
                .extracting(a -> a.vatRate().stripTrailingZeros().toPlainString() + ":" + a.amount())
                .containsExactlyInAnyOrder("19:20.00", "7:5.00");
        assertThat(invoice.finalInvoice()).isFalse();
        assertThat(invoice.deductions()).isEmpty();
    }

    static OfferAccepted offer(UUID customerId, BillingMode billing, int paymentTermDays) {
        CustomerRegistered customer = SalesEvents.registered(customerId, "Quote to Cash GmbH", paymentTermDays);
        List<OfferLine> lines = List.of(
                new OfferLine(
                        "CONSULTING",
                        "Beratung",
                        new BigDecimal("10"),
                        "h",
                        new BigDecimal("120.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("19"),
                        new BigDecimal("1200.00"),
                        null,
                        null,
                        false,
                        null),
                new OfferLine(
                        "BOOK",
                        "Fachbuch",
                        new BigDecimal("3"),
                        "pc",
                        new BigDecimal("24.99"),
                        new BigDecimal("10"),
                        new BigDecimal("7"),
                        new BigDecimal("67.47"),
                        null,
                        null,
                        false,
                        null),
                new OfferLine(
                        "TRAINING",
                        "Schulung",
                        new BigDecimal("1.5"),
                        "d",
                        new BigDecimal("333.33"),
                        BigDecimal.ZERO,
                        new BigDecimal("19"),
                        new BigDecimal("500.00"),
                        null,
                        null,
                        false,
                        null));
        return new OfferAccepted(
                UUID.randomUUID(),
                "A-2030-0042",
                1,
                customerId,
                SalesEvents.snapshot(customer),
                billing,
                "EUR",
                lines,
                new BigDecimal("1767.47"),
                new BigDecimal("327.72"),
                new BigDecimal("2095.19"),
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private List<InvoiceView> invoicesOf(UUID customerId) {
        String body = given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .queryParam("customerId", customerId)
                .when()
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return json.readValue(body, new TypeReference<Page<InvoiceView>>() {})
                    .items();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a page of invoices: " + body, e);
        }
    }

    private static List<ConsumerRecord<String, String>> issuedEventsOf(UUID invoiceId, Duration quietPeriod) {
        return TestKafka.readAll("accounting.invoices", quietPeriod).stream()
                .filter(r -> invoiceId.toString().equals(r.key()))
                .toList();
    }
}
