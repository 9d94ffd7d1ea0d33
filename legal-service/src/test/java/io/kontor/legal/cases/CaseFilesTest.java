package io.kontor.legal.cases;

import static io.kontor.legal.LegalApi.as;
import static io.kontor.legal.LegalApi.legal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.accounting.InvoiceDisputeEscalated;
import io.kontor.platform.events.accounting.InvoiceHandedToCollection;
import io.kontor.platform.events.hr.EmployeeDismissed;
import io.kontor.platform.events.legal.CollectionCaseClosed;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Case files through the API and the events that open them: a collection case from an invoice handed over to the court
 * dunning procedure (§§688 ff. ZPO), a labour-law watch from a dismissal (§4 KSchG), a dispute escalated; documents
 * with their SHA-256, costs, deadlines with reminders and the iCalendar feed (RFC 5545), closing with a result that
 * accounting learns.
 */
@QuarkusTest
class CaseFilesTest {

    private static final String CASES = "/api/v1/legal/cases";
    private static final String TEAM = "rechtsabteilung@kontor.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestEvents events;

    @Inject
    MutableClock clock;

    @Inject
    DeadlineReminders reminders;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void
            an_invoice_handed_to_collection_opens_one_collection_case_with_its_deadlines_and_closing_it_tells_accounting() {
        clock.set(Instant.parse("2025-08-01T08:00:00Z"));
        UUID invoiceId = UUID.randomUUID();
        InvoiceHandedToCollection handed =
                handedOver(invoiceId, "RE-2025-" + invoiceId.toString().substring(0, 5));
        String eventId = events.send("accounting-service", handed);
        JsonPath matter = awaitCaseOfInvoice(invoiceId);
        // Redelivered, or the same fact again: still one case.
        events.send("accounting-service", handed, eventId, Instant.now());
        events.send("accounting-service", handed);

        assertThat(matter.getString("kind")).isEqualTo("COLLECTION");
        assertThat(matter.getString("status")).isEqualTo("OPEN");
        assertThat(matter.getString("caseNumber")).matches("AZ-2025-\\d{4}");
        assertThat(new BigDecimal(matter.getString("claimAmount"))).isEqualByComparingTo("1236.03");
        assertThat(matter.getList("parties.role")).containsExactly("CLIENT", "OPPONENT", "COLLECTOR");
        assertThat(matter.getList("parties.name")).contains("Beispiel Bau GmbH", "Amtsgericht Wedding (Mahngericht)");
        // §§688 ff. ZPO: follow the Mahnverfahren up 21 days after the hand-over (a Friday, 22 August 2025);
        // §§195, 199 BGB: a claim of June 2025 is time-barred at the end of 2028.
        assertThat(matter.getList("deadlines.dueOn")).containsExactly("2025-08-22", "2028-12-31");
        assertThat(matter.getList("deadlines.basis", String.class).get(0)).contains("688 ff. ZPO");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> casesOfInvoice(invoiceId).size() == 1);

        String id = matter.getString("id");
        clock.set(Instant.parse("2025-11-27T09:00:00Z"));
        legal().body("{\"result\":\"WON\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("result"));
        legal().body("{\"result\":\"WRITTEN_OFF\",\"note\":\"Schuldner insolvent\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("result", equalTo("WRITTEN_OFF"))
                .body("closedOn", equalTo("2025-11-27"))
                .body("deadlines.findAll { it.doneOn == null }.size()", equalTo(0));
        legal().body("{\"result\":\"PAID\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(409);
        legal().get(CASES + "/" + id).then().body("result", equalTo("WRITTEN_OFF"));

        List<ConsumerRecord<String, String>> closed =
                await().atMost(Duration.ofSeconds(30)).until(() -> closedEvents(id), list -> !list.isEmpty());
        assertThat(closed).hasSize(1);
        JsonNode payload = read(closed.get(0).value());
        assertThat(payload.path("invoiceId").asText()).isEqualTo(invoiceId.toString());
        assertThat(payload.path("result").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(payload.path("closedOn").asText()).isEqualTo("2025-11-27");
    }

    @Test
    void a_dismissal_opens_a_labour_law_watch_with_the_three_weeks_of_section_4_kschg_which_accounting_does_not_see() {
        clock.set(Instant.parse("2027-05-17T08:00:00Z"));
        UUID employeeId = UUID.randomUUID();
        events.send(
                "hr-service",
                new EmployeeDismissed(
                        employeeId,
                        "Kai",
                        "Kündigung",
                        "Vertrieb",
                        LocalDate.of(2027, 5, 14),
                        LocalDate.of(2027, 6, 30),
                        "Hanna Haller"));
        JsonPath matter =
                await().atMost(Duration.ofSeconds(30)).until(() -> caseOfEmployee(employeeId), m -> m != null);
        assertThat(matter.getString("kind")).isEqualTo("LABOUR_LAW");
        assertThat(matter.getList("parties.name")).contains("Kai Kündigung");
        // Notice received Friday 14 May 2027: the action must be brought by Friday 4 June 2027 (§4 KSchG).
        assertThat(matter.getList("deadlines.dueOn")).containsExactly("2027-06-04");
        assertThat(matter.getList("deadlines.basis", String.class).get(0)).contains("§ 4 Satz 1 KSchG");

        as("accounting").get(CASES + "/" + matter.getString("id")).then().statusCode(404);
        assertThat(as("accounting")
                        .get(CASES + "?size=200")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.kind", String.class))
                .containsOnly("COLLECTION");
        as("accounting")
                .get(CASES + "?kind=LABOUR_LAW")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        as("accounting")
                .body("{\"kind\":\"OTHER\",\"title\":\"x\"}")
                .post(CASES)
                .then()
                .statusCode(403);
        as("hr").get(CASES).then().statusCode(403);
    }

    @Test
    void an_escalated_dispute_opens_an_invoice_dispute_case() {
        clock.set(Instant.parse("2025-09-15T08:00:00Z"));
        UUID invoiceId = UUID.randomUUID();
        events.send(
                "accounting-service",
                new InvoiceDisputeEscalated(
                        invoiceId,
                        "RE-2025-D" + invoiceId.toString().substring(0, 4),
                        UUID.randomUUID(),
                        "K-1",
                        "Mangel GmbH",
                        "EUR",
                        new BigDecimal("2938.50"),
                        "Leistung mangelhaft",
                        LocalDate.of(2025, 9, 1),
                        LocalDate.of(2025, 9, 15),
                        "Kunde droht mit Minderung"));
        JsonPath matter = awaitCaseOfInvoice(invoiceId);
        assertThat(matter.getString("kind")).isEqualTo("INVOICE_DISPUTE");
        assertThat(matter.getString("summary")).contains("Leistung mangelhaft").contains("Minderung");
        assertThat(matter.getList("deadlines.dueOn")).containsExactly("2025-09-29");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        int before = total();
        legal().body(opening("OTHER", "2026-03-01"))
                .post(CASES)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("deadlines[0].dueOn"));
        legal().body(opening("BANKRUPTCY", "2026-04-01"))
                .post(CASES)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        legal().body("{\"kind\":\"OTHER\",\"title\":\"\"}")
                .post(CASES)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("title"));
        assertThat(total()).isEqualTo(before);

        String id = legal().body(opening("OTHER", "2026-04-01"))
                .post(CASES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        legal().body("{\"title\":\"Replik\",\"dueOn\":\"2026-03-01\"}")
                .post(CASES + "/" + id + "/deadlines")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("dueOn"));
        legal().body(
                        "{\"kind\":\"COURT_FEE\",\"description\":\"Gerichtskosten\",\"amount\":-5,\"incurredOn\":\"2026-03-01\"}")
                .post(CASES + "/" + id + "/costs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        legal().body("{\"result\":\"PARTIALLY_PAID\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("result"));
        legal().body("{\"result\":\"SETTLED\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(200);
        legal().body("{\"result\":\"SETTLED\"}")
                .post(CASES + "/" + id + "/close")
                .then()
                .statusCode(409);
        legal().get(CASES + "/" + id)
                .then()
                .body("deadlines.size()", equalTo(1))
                .body("costs.size()", equalTo(0))
                .body("result", equalTo("SETTLED"));
    }

    @Test
    void documents_keep_their_sha256_and_costs_add_up_in_euro_and_cent() throws Exception {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        String id = legal().body(opening("OTHER", "2026-04-01"))
                .post(CASES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] file = "%PDF-1.4 Klageschrift (Auszug) – Ä".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        String documentId = legal().contentType("application/pdf")
                .body(file)
                .post(CASES + "/" + id + "/documents?fileName=klage.pdf")
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha))
                .body("sizeBytes", equalTo(file.length))
                .extract()
                .path("id");
        byte[] back = legal().get(CASES + "/" + id + "/documents/" + documentId)
                .then()
                .statusCode(200)
                .header("Digest", "sha-256=" + sha)
                .extract()
                .asByteArray();
        assertThat(back).isEqualTo(file);
        legal().contentType("application/pdf")
                .body(file)
                .post(CASES + "/" + id + "/documents?fileName=../x.pdf")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("fileName"));

        legal().body(
                        "{\"kind\":\"COURT_FEE\",\"description\":\"Gerichtskostenvorschuss\",\"amount\":183.00,\"incurredOn\":\"2026-03-01\"}")
                .post(CASES + "/" + id + "/costs")
                .then()
                .statusCode(200);
        legal().body(
                        "{\"kind\":\"LAWYER_FEE\",\"description\":\"RVG 1,3 Verfahrensgebühr\",\"amount\":0.1,\"incurredOn\":\"2026-03-02\"}")
                .post(CASES + "/" + id + "/costs")
                .then()
                .statusCode(200)
                .body("costsTotal", equalTo(183.10f))
                .body("documents[0].fileName", equalTo("klage.pdf"))
                .body("documents[0].sha256", equalTo(sha));
    }

    @Test
    void a_due_deadline_is_reminded_once_by_mail_and_the_feed_lists_the_open_deadlines_as_rfc_5545() throws Exception {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        JsonPath matter = legal().body(opening("OTHER", "2026-06-10"))
                .post(CASES)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = matter.getString("id");
        String caseNumber = matter.getString("caseNumber");
        legal().body("{\"title\":\"Stellungnahme\",\"dueOn\":\"2026-06-20\",\"basis\":\"§ 276 ZPO\"}")
                .post(CASES + "/" + id + "/deadlines")
                .then()
                .statusCode(200);

        // Not yet: reminders go out three days before.
        clock.set(Instant.parse("2026-06-06T08:00:00Z"));
        reminders.remindDue();
        JsonPath early = legal().get(CASES + "/" + id).then().extract().jsonPath();
        assertThat(early.getList("deadlines.remindedAt")).containsOnlyNulls();

        clock.set(Instant.parse("2026-06-07T08:00:00Z"));
        reminders.remindDue();
        reminders.remindDue();
        TestMail.Received reminder =
                TestMail.awaitMessage(TEAM, m -> m.subject().contains(caseNumber));
        assertThat(reminder.subject()).isEqualTo("Frist 2026-06-10: Klageerwiderung (" + caseNumber + ")");
        assertThat(reminder.text()).contains("noch 3 Tag(e)");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> TestMail.inbox(TEAM).stream()
                                .filter(m -> m.subject().contains(caseNumber))
                                .count()
                        == 1);

        String ics = legal().get(CASES + "/deadlines.ics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .extract()
                .asString();
        Calendar feed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(feed.validate().hasErrors()).isFalse();
        List<VEvent> ours = eventsOf(feed, caseNumber);
        assertThat(ours).hasSize(2);
        assertThat(value(ours.get(0), Property.DTSTART)).isEqualTo("20260610");
        assertThat(value(ours.get(0), Property.SUMMARY)).isEqualTo("Frist: Klageerwiderung (" + caseNumber + ")");
        assertThat(value(ours.get(1), Property.DTSTART)).isEqualTo("20260620");
        assertThat(value(ours.get(1), Property.DESCRIPTION)).contains("§ 276 ZPO");
        assertThat(value(ours.get(0), Property.UID)).endsWith("@kontor-legal");

        // A deadline done leaves the feed.
        String deadlineId = legal().get(CASES + "/" + id).then().extract().path("deadlines[0].id");
        legal().post(CASES + "/" + id + "/deadlines/" + deadlineId + "/done")
                .then()
                .statusCode(200);
        legal().post(CASES + "/" + id + "/deadlines/" + deadlineId + "/done")
                .then()
                .statusCode(409);
        String after = legal().get(CASES + "/deadlines.ics").then().extract().asString();
        assertThat(eventsOf(new CalendarBuilder().build(new StringReader(after)), caseNumber))
                .hasSize(1);
        as("accounting").get(CASES + "/deadlines.ics").then().statusCode(403);
        io.restassured.RestAssured.given().get(CASES + "/deadlines.ics").then().statusCode(401);
    }

    private static List<VEvent> eventsOf(Calendar feed, String caseNumber) {
        return feed.getComponents().stream()
                .filter(VEvent.class::isInstance)
                .map(VEvent.class::cast)
                .filter(e -> value(e, Property.SUMMARY).contains(caseNumber))
                .toList();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static String opening(String kind, String dueOn) {
        return """
                {"kind":"%s","title":"Schadensersatz Lieferant","summary":"Klage des Lieferanten",
                 "currency":"EUR","claimAmount":12500.00,
                 "parties":[{"role":"OPPONENT","name":"Lieferant AG","reference":"LG Hamburg 3 O 12/26"},
                            {"role":"COUNSEL","name":"Kanzlei Recht & Billig"}],
                 "deadlines":[{"title":"Klageerwiderung","dueOn":"%s","basis":"§ 277 ZPO"}]}
                """.formatted(kind, dueOn);
    }

    private static InvoiceHandedToCollection handedOver(UUID invoiceId, String number) {
        return new InvoiceHandedToCollection(
                invoiceId,
                number,
                UUID.randomUUID(),
                "K-10042",
                "Beispiel Bau GmbH",
                "EUR",
                new BigDecimal("1190.00"),
                new BigDecimal("40.00"),
                new BigDecimal("6.03"),
                new BigDecimal("1236.03"),
                LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 6, 16),
                3,
                LocalDate.of(2025, 7, 31),
                LocalDate.of(2025, 8, 1),
                "Amtsgericht Wedding (Mahngericht)",
                "Az 25-1234567-0-1");
    }

    private static int total() {
        return legal().get(CASES + "?size=1").then().statusCode(200).extract().path("total");
    }

    private static List<String> casesOfInvoice(UUID invoiceId) {
        return legal().get(CASES + "?invoiceId=" + invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    private static JsonPath awaitCaseOfInvoice(UUID invoiceId) {
        List<String> ids =
                await().atMost(Duration.ofSeconds(30)).until(() -> casesOfInvoice(invoiceId), list -> !list.isEmpty());
        return legal().get(CASES + "/" + ids.get(0))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath caseOfEmployee(UUID employeeId) {
        List<String> ids = legal().get(CASES + "?kind=LABOUR_LAW&size=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
        for (String id : ids) {
            JsonPath matter = legal().get(CASES + "/" + id).then().extract().jsonPath();
            if (employeeId.toString().equals(matter.getString("employeeId"))) {
                return matter;
            }
        }
        return null;
    }

    private static List<ConsumerRecord<String, String>> closedEvents(String caseId) {
        return TestKafka.readAll(CollectionCaseClosed.TOPIC, Duration.ofMillis(300)).stream()
                .filter(r -> caseId.equals(r.key()))
                .filter(r -> CollectionCaseClosed.TYPE.equals(TestKafka.header(r, "ce_type")))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
