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
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
