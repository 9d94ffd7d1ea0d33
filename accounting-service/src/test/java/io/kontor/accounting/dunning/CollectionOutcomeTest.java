package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.accounting.InvoiceDisputeEscalated;
import io.kontor.platform.events.accounting.InvoiceHandedToCollection;
import io.kontor.platform.events.legal.CollectionCaseClosed;
import io.kontor.platform.events.legal.CollectionResult;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Collection with legal: the hand-over of a level-3 invoice to the court dunning procedure (§§688 ff. ZPO) tells legal
 * what it needs for the Mahnantrag; a case legal closes as written off writes off what is still open, as a record of
 * its own that names its voucher (GoBD: traceable, the invoice's figures unchanged), and dunning stops for good.
 * Figures of CollectionTest: 1190.00 principal, 40.00 flat fee (§288 (5) BGB), 6.03 interest.
 */
@QuarkusTest
class CollectionOutcomeTest {

    private static final String LEGAL = "legal-service";

    @Inject
    SalesEvents sales;

    @Inject
    TestEvents events;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_hand_over_tells_legal_the_claim_and_a_case_closed_as_written_off_writes_off_what_is_open_once() {
        DunningCalendar calendar = new DunningCalendar(sales, clock);
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));
        calendar.noticeFor(invoice, "2025-06-23");
        calendar.noticeFor(invoice, "2025-07-07");
        calendar.noticeFor(invoice, "2025-07-21");
        clock.set(Instant.parse("2025-08-01T08:00:00Z"));
        asAccountant()
                .body("{\"handedTo\":\"Amtsgericht Wedding (Mahngericht)\",\"reference\":\"Az 25-1234567-0-1\"}")
                .post(API + "/dunning/collection/" + invoice.id())
                .then()
                .statusCode(200);

        List<InvoiceHandedToCollection> handed =
                awaitEvents(invoice.id(), InvoiceHandedToCollection.TYPE, InvoiceHandedToCollection.class);
        assertThat(handed).hasSize(1);
        InvoiceHandedToCollection claim = handed.get(0);
        assertThat(claim.invoiceNumber()).isEqualTo(invoice.number());
        assertThat(claim.customerName()).isEqualTo("BUSINESS Kunde");
        assertThat(claim.principal()).isEqualByComparingTo("1190.00");
        assertThat(claim.fees()).isEqualByComparingTo("40.00");
        assertThat(claim.interest()).isEqualByComparingTo("6.03");
        assertThat(claim.total()).isEqualByComparingTo("1236.03");
        assertThat(claim.dueDate()).isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(claim.lastPayBy()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(claim.handedOn()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(claim.dunningLevel()).isEqualTo(3);

        clock.set(Instant.parse("2025-11-28T08:00:00Z"));
        UUID caseId = UUID.randomUUID();
        CollectionCaseClosed closed = new CollectionCaseClosed(
                caseId,
                "AZ-2025-0001",
                invoice.id(),
                invoice.number(),
                CollectionResult.WRITTEN_OFF,
                new BigDecimal("0.00"),
                "EUR",
                LocalDate.of(2025, 11, 27),
                "test|justiziar",
                "Schuldner insolvent");
        String eventId = events.send(LEGAL, closed);
        await().atMost(Duration.ofSeconds(30)).until(() -> "WRITTEN_OFF".equals(invoiceStatus(invoice)));

        JsonPath collection = collection(invoice);
        assertThat(collection.getString("result")).isEqualTo("WRITTEN_OFF");
        assertThat(collection.getString("caseNumber")).isEqualTo("AZ-2025-0001");
        assertThat(collection.getString("closedOn")).isEqualTo("2025-11-27");
        assertThat(collection.getString("writeOff.writtenOffOn")).isEqualTo("2025-11-28");
        assertThat(new BigDecimal(collection.getString("writeOff.principal"))).isEqualByComparingTo("1190.00");
        assertThat(new BigDecimal(collection.getString("writeOff.fees"))).isEqualByComparingTo("40.00");
        assertThat(new BigDecimal(collection.getString("writeOff.interest"))).isEqualByComparingTo("6.03");
        assertThat(new BigDecimal(collection.getString("writeOff.total"))).isEqualByComparingTo("1236.03");
        assertThat(collection.getString("writeOff.voucher")).isEqualTo("Akte AZ-2025-0001");

        // GoBD: the invoice's own figures stay as they were; the loss is in the write-off record.
        JsonPath view = asAccountant()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(new BigDecimal(view.getString("grossTotal"))).isEqualByComparingTo("1190.00");

        // Redelivered under the same id, or the same fact again: no second write-off, no error.
        events.send(LEGAL, closed, eventId, Instant.now());
        events.send(LEGAL, closed);
        // Dunning leaves a written-off invoice alone whatever the day.
        assertThat(calendar.noticeFor(invoice, "2025-12-15")).isNull();
        assertThat(collection(invoice).getString("writeOff.total")).isEqualTo(collection.getString("writeOff.total"));
        assertThat(invoiceStatus(invoice)).isEqualTo("WRITTEN_OFF");
    }

    @Test
    void a_case_closed_as_paid_records_the_result_and_writes_off_nothing() {
        DunningCalendar calendar = new DunningCalendar(sales, clock);
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));
        calendar.noticeFor(invoice, "2025-06-23");
        calendar.noticeFor(invoice, "2025-07-07");
        calendar.noticeFor(invoice, "2025-07-21");
        clock.set(Instant.parse("2025-08-01T08:00:00Z"));
        asAccountant()
                .body("{\"handedTo\":\"Inkasso AG\"}")
                .post(API + "/dunning/collection/" + invoice.id())
                .then()
                .statusCode(200);
        events.send(
                LEGAL,
                new CollectionCaseClosed(
                        UUID.randomUUID(),
                        "AZ-2025-0002",
                        invoice.id(),
                        invoice.number(),
                        CollectionResult.PAID,
                        new BigDecimal("1236.03"),
                        "EUR",
                        LocalDate.of(2025, 9, 1),
                        "test|justiziar",
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "PAID".equals(collection(invoice).getString("result")));
        assertThat(collection(invoice).getString("writeOff")).isNull();
        assertThat(invoiceStatus(invoice))
                .as("the money is booked from the bank statement, not from legal's report")
                .isEqualTo("ISSUED");
    }

    @Test
    void a_dispute_is_escalated_to_legal_once_and_only_while_it_lasts() {
        DunningCalendar calendar = new DunningCalendar(sales, clock);
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));
        asAccountant()
                .body("{}")
                .post(API + "/invoices/" + invoice.id() + "/dispute/escalate")
                .then()
                .statusCode(409);
        asAccountant()
                .body("{\"reason\":\"Leistung mangelhaft\"}")
                .post(API + "/invoices/" + invoice.id() + "/dispute")
                .then()
                .statusCode(200);
        asAccountant()
                .body("{\"note\":\"" + "x".repeat(2001) + "\"}")
                .post(API + "/invoices/" + invoice.id() + "/dispute/escalate")
                .then()
                .statusCode(400);
        asAccountant()
                .body("{\"note\":\"Kunde droht mit Minderung\"}")
                .post(API + "/invoices/" + invoice.id() + "/dispute/escalate")
                .then()
                .statusCode(200);
        asAccountant()
                .body("{}")
                .post(API + "/invoices/" + invoice.id() + "/dispute/escalate")
                .then()
                .statusCode(409);

        List<InvoiceDisputeEscalated> escalated =
                awaitEvents(invoice.id(), InvoiceDisputeEscalated.TYPE, InvoiceDisputeEscalated.class);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).disputeReason()).isEqualTo("Leistung mangelhaft");
        assertThat(escalated.get(0).note()).isEqualTo("Kunde droht mit Minderung");
        assertThat(escalated.get(0).openTotal()).isEqualByComparingTo("1190.00");
    }

    private <T> List<T> awaitEvents(UUID invoiceId, String type, Class<T> payload) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> Accounting.events(invoiceId, type, payload, json), list -> !list.isEmpty());
    }

    private static String invoiceStatus(Issued invoice) {
        return asAccountant()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static JsonPath collection(Issued invoice) {
        return asAccountant()
                .get(API + "/dunning/collection/" + invoice.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
