package io.kontor.accounting.payables;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.zugferdPdf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.payables.intake.Intake;
import io.kontor.accounting.payables.intake.IntakeMail;
import io.kontor.accounting.payables.intake.IntakeMailbox;
import io.kontor.devinfra.MailServer;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestMail;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake mailbox over the real protocols: a supplier's mail program sends the invoice by SMTP to the test mail
 * server, accounting reads it over IMAP. Since 2025 a business must be able to receive e-invoices (§14 (1) UStG as
 * amended by the Wachstumschancengesetz), and e-mail is the way most arrive; the file is kept as received (GoBD, §147
 * AO) and none is taken in twice.
 */
@QuarkusTest
class IntakeMailboxTest {

    static final String SUPPLIER_MAIL = "buchhaltung@lieferant.example";

    @Inject
    IntakeMailbox mailbox;

    String vatId;
    String supplier;
    SupplierInvoiceFiles.Spec invoice;

    @BeforeEach
    void aNewSupplier() {
        vatId = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        supplier = "Mail-Lieferant " + vatId + " GmbH";
        invoice = spec(supplier, vatId, "DE89370400440532013000", "M-1", LocalDate.of(2026, 11, 20));
    }

    @Test
    void a_zugferd_pdf_sent_by_mail_becomes_a_supplier_invoice_received_via_mail_with_its_message_id_and_sender()
            throws Exception {
        byte[] pdf = zugferdPdf(invoice);
        String messageId = TestMail.send(
                SUPPLIER_MAIL,
                MailServer.INVOICES_ADDRESS,
                "Rechnung M-1",
                "Anbei unsere Rechnung.",
                new TestMail.Attachment("Rechnung-M-1.pdf", "application/pdf", pdf));

        IntakeMail taken = awaitTaken(messageId).get(0);

        assertThat(taken.outcome).isEqualTo(IntakeMail.Outcome.INVOICE);
        assertThat(taken.sender).isEqualTo(SUPPLIER_MAIL);
        assertThat(taken.subject).isEqualTo("Rechnung M-1");
        assertThat(taken.fileName).isEqualTo("Rechnung-M-1.pdf");
        assertThat(taken.sha256).isEqualTo(Intake.sha256(pdf));
        JsonPath stored = get("/supplier-invoices/" + taken.invoiceId);
        assertThat(stored.getString("kind")).isEqualTo("ZUGFERD_PDF");
        assertThat(stored.getString("status")).isEqualTo("RECEIVED");
        assertThat(stored.getString("receivedVia")).isEqualTo("MAIL");
        assertThat(stored.getString("sellerName")).isEqualTo(supplier);
        assertThat(stored.getString("invoiceNumber")).isEqualTo("M-1");
        // GoBD: the PDF as it arrived in the mail, byte for byte.
        assertThat(stored.getString("original.sha256")).isEqualTo(Intake.sha256(pdf));
        assertThat(seen(messageId)).as("marked seen after it was taken in").isTrue();
    }

    @Test
    void a_mail_read_again_after_a_crash_before_it_was_marked_seen_makes_no_second_invoice() throws Exception {
        byte[] plain = SupplierInvoiceFiles.plainPdf("Rechnung M-1", false);
        String messageId = TestMail.send(
                SUPPLIER_MAIL,
                MailServer.INVOICES_ADDRESS,
                "Rechnung M-1",
                "",
                new TestMail.Attachment(
                        "M-1.xml", "application/xml", cii(invoice).getBytes(StandardCharsets.UTF_8)),
                new TestMail.Attachment("M-1.pdf", "application/pdf", plain));
        List<IntakeMail> first = awaitTaken(messageId);
        assertThat(first).hasSize(2);

        // As if the service died after storing the invoices and before flagging the mail.
        setSeen(messageId, false);
        mailbox.read();
        mailbox.read();

        assertThat(seen(messageId)).isTrue();
        assertThat(taken(messageId))
                .extracting(m -> m.id)
                .containsExactlyInAnyOrderElementsOf(
                        first.stream().map(m -> m.id).toList());
        assertThat(QuarkusTransaction.requiringNew().call(() -> SupplierInvoice.count("sellerVatId", vatId)))
                .as("the XRechnung, once")
                .isEqualTo(1);
        // A plain PDF has no number to catch a duplicate by: only the mail's record keeps it from coming in twice.
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SupplierInvoiceOriginal.count("sha256", Intake.sha256(plain))))
                .as("the plain PDF, once")
                .isEqualTo(1);
    }

    @Test
    void a_mail_without_an_invoice_file_is_recorded_and_stays_in_the_mailbox() throws Exception {
        String messageId = TestMail.send(
                SUPPLIER_MAIL,
                MailServer.INVOICES_ADDRESS,
                "Frage zur Rechnung",
                "Bitte rufen Sie uns an.",
                new TestMail.Attachment("logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        IntakeMail taken = awaitTaken(messageId).get(0);

        assertThat(taken.outcome).isEqualTo(IntakeMail.Outcome.NO_ATTACHMENT);
        assertThat(taken.invoiceId).isNull();
        assertThat(taken.sender).isEqualTo(SUPPLIER_MAIL);
        assertThat(seen(messageId)).as("kept, seen").isTrue();
        JsonPath listed = given().header("Authorization", TestTokens.bearerFor("clerk", Roles.ACCOUNTING))
                .queryParam("outcome", "NO_ATTACHMENT")
                .queryParam("size", 200)
                .get(API + "/supplier-invoices/mail")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(listed.getList("items.messageId")).contains(messageId);
    }

    @Test
    void an_unknown_outcome_filter_is_a_400_naming_it() {
        given().header("Authorization", TestTokens.bearerFor("clerk", Roles.ACCOUNTING))
                .queryParam("outcome", "LOST")
                .get(API + "/supplier-invoices/mail")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("outcome"));
    }

    @Test
    void an_invoice_by_mail_that_fails_validation_is_kept_rejected_and_a_duplicate_is_recorded_not_stored() {
        // BR-DE-15: an XRechnung names the buyer reference (Leitweg-ID).
        String bad = cii(invoice).replaceAll("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "");
        String rejected = TestMail.send(
                SUPPLIER_MAIL,
                MailServer.INVOICES_ADDRESS,
                "Rechnung",
                "",
                new TestMail.Attachment("bad.xml", "application/xml", bad.getBytes(StandardCharsets.UTF_8)));
        IntakeMail badOne = awaitTaken(rejected).get(0);
        assertThat(badOne.outcome).isEqualTo(IntakeMail.Outcome.INVOICE);
        assertThat(get("/supplier-invoices/" + badOne.invoiceId).getString("status"))
                .isEqualTo("REJECTED");

        byte[] good = cii(invoice).getBytes(StandardCharsets.UTF_8);
        IntakeMail first = awaitTaken(TestMail.send(
                        SUPPLIER_MAIL,
                        MailServer.INVOICES_ADDRESS,
                        "Rechnung",
                        "",
                        new TestMail.Attachment("M-1.xml", "application/xml", good)))
                .get(0);
        IntakeMail again = awaitTaken(TestMail.send(
                        SUPPLIER_MAIL,
                        MailServer.INVOICES_ADDRESS,
                        "Rechnung (Kopie)",
                        "",
                        new TestMail.Attachment("M-1.xml", "application/xml", good)))
                .get(0);

        assertThat(first.outcome).isEqualTo(IntakeMail.Outcome.INVOICE);
        assertThat(again.outcome).isEqualTo(IntakeMail.Outcome.DUPLICATE);
        assertThat(again.invoiceId).isNull();
        assertThat(again.detail).contains(first.invoiceId.toString());
    }

    private List<IntakeMail> awaitTaken(String messageId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    mailbox.read();
                    return !taken(messageId).isEmpty();
                });
        return taken(messageId);
    }

    private static List<IntakeMail> taken(String messageId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> IntakeMail.<IntakeMail>list("messageId = ?1 order by fileName", messageId));
    }

    private static JsonPath get(String path) {
        return given().header("Authorization", TestTokens.bearerFor("clerk", Roles.ACCOUNTING))
                .get(API + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Boolean seen(String messageId) throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new HeaderTerm("Message-ID", messageId));
            return found.length == 0 ? null : found[0].isSet(Flags.Flag.SEEN);
        }
    }

    private static void setSeen(String messageId, boolean seen) throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.search(new HeaderTerm("Message-ID", messageId))) {
                message.setFlag(Flags.Flag.SEEN, seen);
            }
            inbox.close(false);
        }
    }

    private static Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(
                MailServer.HOST,
                TestInfra.imapPort(),
                MailServer.INVOICES_ADDRESS,
                MailServer.mailboxPassword(MailServer.INVOICES_ADDRESS));
        return store;
    }
}
