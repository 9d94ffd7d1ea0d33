package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static io.kontor.systemtests.FlowSteps.salesCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.MailServer;
import io.kontor.testing.TestMail;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Documents leave the house, through the gateway and the real mail server of the launched platform: the offer and the
 * invoice reach the customer's mailbox (read over IMAP) with the files the delivery records name by SHA-256, and a
 * delivery status notification from the customer's server makes the invoice's mail BOUNCED (§ 130 BGB: a declaration is
 * effective on receipt; the record must not claim a receipt that did not happen).
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class MailFlowTest extends SystemTest {

    private static final Duration MAIL = Duration.ofSeconds(60);

    @Test
    void offer_and_invoice_arrive_as_recorded_and_a_bounce_of_the_invoice_mail_is_recorded() {
        String customerId = registerCustomer("Alster Druck GmbH");
        String email = (String) salesCustomer(customerId).get("email");
        String offerId = acceptedOffer(customerId, listProduct("Druckvorstufe", "480.00"), 2, "ON_ACCEPTANCE");

        Map<String, Object> offerMail = onlyDelivery("/api/v1/sales/offers/{id}/deliveries", offerId, "SENT");
        TestMail.Received offerArrived = TestMail.awaitMessage(
                platform.mail().imapPort(),
                email,
                m -> offerMail.get("messageId").equals(m.messageId()),
                MAIL);
        assertSameFiles(offerMail, offerArrived);

        String invoiceId = (String) awaitInvoiceFor(customerId, offerId).get("id");
        Map<String, Object> invoiceMail =
                onlyDelivery("/api/v1/accounting/invoices/{id}/deliveries", invoiceId, "SENT");
        TestMail.Received invoiceArrived = TestMail.awaitMessage(
                platform.mail().imapPort(),
                email,
                m -> invoiceMail.get("messageId").equals(m.messageId()),
                MAIL);
        assertSameFiles(invoiceMail, invoiceArrived);
        // GoBD: what went out is what is kept - the files in the mailbox are the frozen invoice documents.
        assertThat(invoiceArrived.attachments())
                .extracting(TestMail.Attachment::sha256)
                .containsExactlyInAnyOrder(
                        frozenHash("/api/v1/accounting/invoices/{id}/pdf", invoiceId),
                        frozenHash("/api/v1/accounting/invoices/{id}/xrechnung", invoiceId));
        assertThat(invoiceArrived.returnPath()).as("envelope sender").contains(MailServer.BOUNCE_ADDRESS);

        TestMail.sendDeliveryStatusNotification(
                platform.mail().smtpPort(),
                MailServer.BOUNCE_ADDRESS,
                (String) invoiceMail.get("messageId"),
                email,
                "failed",
                "5.2.2",
                "smtp; 552 5.2.2 <" + email + ">: mailbox full");

        Map<String, Object> bounced = onlyDelivery("/api/v1/accounting/invoices/{id}/deliveries", invoiceId, "BOUNCED");
        assertThat(bounced.get("bounceStatus")).isEqualTo("5.2.2");
        assertThat((String) bounced.get("bounceDiagnostic")).contains("mailbox full");
        assertThat(bounced.get("bouncedAt")).isNotNull();
        assertThat(onlyDelivery("/api/v1/sales/offers/{id}/deliveries", offerId, "SENT")
                        .get("messageId"))
                .as("the offer's mail, not bounced")
                .isEqualTo(offerMail.get("messageId"));
    }

    @Test
    void a_rejected_candidate_gets_the_letter_and_a_hired_one_the_signed_contract() throws Exception {
        String openingId = asAdmin()
                .body("""
                        {"title": "Buchhalter (m/w/d)", "requirements": ["DATEV"]}""")
                .post("/api/v1/hr/job-openings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin().post("/api/v1/hr/job-openings/{id}/publish", openingId).then().statusCode(200);
        String rejectedEmail = "rita." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String hiredEmail = "hanna." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String rejected = apply(openingId, "Rita", "Rückert", rejectedEmail);
        String hired = apply(openingId, "Hanna", "Hansen", hiredEmail);

        advance(rejected, "REJECTED");
        Map<String, Object> letter = onlyDelivery("/api/v1/hr/applications/{id}/deliveries", rejected, "SENT");
        assertSameFiles(
                letter,
                TestMail.awaitMessage(
                        platform.mail().imapPort(),
                        rejectedEmail,
                        m -> letter.get("messageId").equals(m.messageId()),
                        MAIL));

        advance(hired, "SCREENING");
        advance(hired, "INTERVIEW");
        asAdmin()
                .body("""
                        {"interviewer": "Grace Hopper", "scores": {"expertise": 5}, "notes": "sicher"}""")
                .post("/api/v1/hr/applications/{id}/interviews", hired)
                .then()
                .statusCode(201);
        advance(hired, "OFFER");
        String contractId = asAdmin()
                .body("""
                        {"startDate": "2027-03-01", "contractType": "PERMANENT", "annualSalary": 52000.00,
                         "weeklyHours": 40, "probationMonths": 6, "birthDate": "1991-05-10",
                         "employeeAddress": {"street": "Hafenstraße 7", "postalCode": "20459", "city": "Hamburg", "country": "DE"}}
                        """)
                .post("/api/v1/hr/applications/{id}/hire", hired)
                .then()
                .statusCode(201)
                .extract()
                .path("contract.id");
        asAdmin().post("/api/v1/hr/contracts/{id}/sign", contractId).then().statusCode(200);
        Map<String, Object> contractMail = onlyDelivery("/api/v1/hr/contracts/{id}/deliveries", contractId, "SENT");
        TestMail.Received contract = TestMail.awaitMessage(
                platform.mail().imapPort(),
                hiredEmail,
                m -> contractMail.get("messageId").equals(m.messageId()),
                MAIL);
        assertSameFiles(contractMail, contract);
        assertThat(contract.text()).as("§2 (1) NachwG: receipt asked for").contains("Empfangsnachweis");
    }

    @Test
    void a_kickoff_participant_receives_an_imip_request_a_calendar_reads() throws Exception {
        String projectId = asAdmin()
                .body("""
                        {"name": "Lagerumzug", "managerEmail": "pm@kontor.example", "startDate": "2027-02-01"}""")
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String participant = "lea." + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";
        asAdmin()
                .body("""
                        {"scheduledAt": "2027-02-03T09:00:00Z", "durationMinutes": 90, "participants": ["%s"],
                         "agenda": ["Ziele", "Zeitplan"]}""".formatted(participant))
                .post("/api/v1/projects/{id}/kickoff", projectId)
                .then()
                .statusCode(200);

        TestMail.Received invitation = TestMail.awaitMessage(
                platform.mail().imapPort(), participant, m -> m.subject().startsWith("Einladung"), MAIL);
        TestMail.Attachment ics = invitation.attachments().stream()
                .filter(file -> file.isType("text/calendar"))
                .findFirst()
                .orElseThrow();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.text()));
        // RFC 6047: an iMIP request, so that the calendar offers to accept it.
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        VEvent meeting = calendar.<VEvent>getComponents().get(0);
        assertThat(meeting.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:" + participant);
        assertThat(meeting.getProperty(Property.DTSTART).orElseThrow().getValue())
                .startsWith("20270203T");
    }

    private static String apply(String openingId, String firstName, String lastName, String email) {
        return asAdmin()
                .body("""
                        {"jobOpeningId": "%s", "candidate": {"firstName": "%s", "lastName": "%s", "email": "%s"}}
                        """.formatted(openingId, firstName, lastName, email))
                .post("/api/v1/hr/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void advance(String applicationId, String stage) {
        asAdmin()
                .body("{\"stage\": \"" + stage + "\"}")
                .post("/api/v1/hr/applications/{id}/advance", applicationId)
                .then()
                .statusCode(200);
    }

    /** The document's one delivery record, once it has {@code status}. */
    private static Map<String, Object> onlyDelivery(String path, String id, String status) {
        return await(path.replace("{id}", id) + " " + status)
                .atMost(EVENT_DELIVERY.plus(MAIL))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> asAdmin()
                                .get(path, id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path(""),
                        deliveries -> deliveries.size() == 1
                                && status.equals(deliveries.get(0).get("status")))
                .get(0);
    }

    private static String frozenHash(String path, String id) {
        return asAdmin().get(path, id).then().statusCode(200).extract().header("X-Content-SHA256");
    }

    private static void assertSameFiles(Map<String, Object> delivery, TestMail.Received arrived) {
        List<Map<String, Object>> recorded = (List<Map<String, Object>>) delivery.get("attachments");
        assertThat(recorded).isNotEmpty();
        assertThat(arrived.attachments())
                .extracting(TestMail.Attachment::sha256)
                .as("SHA-256 of the files that arrived")
                .containsExactlyInAnyOrderElementsOf(recorded.stream()
                        .map(file -> (String) file.get("sha256"))
                        .toList());
    }
}
