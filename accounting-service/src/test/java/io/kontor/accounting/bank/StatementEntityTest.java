package io.kontor.accounting.bank;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML entities in an otherwise valid camt.053.001.02 statement (OWASP XXE, issue #24): an external entity in the
 * remittance text that would, if resolved, read a local file carrying the invoice number (and so book a payment) or
 * call a server; and a billion-laughs expansion. Each is a 400 problem naming the body, reads and calls nothing, and
 * books nothing (GoBD: a booking only from the statement as the bank sent it).
 */
@QuarkusTest
class StatementEntityTest {

    private static final String STATEMENTS = API + "/bank-statements";

    @Inject
    SalesEvents sales;

    @TempDir
    Path dir;

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    String run;
    UUID customerId;
    Issued invoice;

    @BeforeEach
    void anInvoiceAndAServerThatCountsWhoAsks() throws IOException {
        run = UUID.randomUUID().toString().substring(0, 8);
        String payer = "Entity Test " + run + " GmbH";
        customerId = sales.registerCustomer(payer, 14);
        invoice = Accounting.issue(customerId, line("Beratung", "1", "1000.00", "19")); // 1190.00
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] body = ("Rechnung " + invoice.number()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_external_file_entity_in_the_remittance_text_is_a_400_and_books_nothing() throws IOException {
        Path file = Files.writeString(dir.resolve("remittance.txt"), "Rechnung " + invoice.number());
        String xml = statement("<!DOCTYPE Document [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]>", "&e;");

        assertRefusedAndNothingBooked(xml);
    }

    @Test
    void an_external_url_entity_in_the_remittance_text_is_a_400_calls_nothing_and_books_nothing() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/remittance";
        String xml = statement("<!DOCTYPE Document [<!ENTITY e SYSTEM \"" + url + "\">]>", "&e;");

        assertRefusedAndNothingBooked(xml);
        assertThat(calls).as("calls the service made to the entity's URL").hasValue(0);
    }

    @Test
    void a_parameter_entity_fetching_an_external_dtd_is_a_400_and_calls_nothing() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
        String xml = statement("<!DOCTYPE Document [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>", "Rechnung");

        assertRefusedAndNothingBooked(xml);
        assertThat(calls).as("calls the service made for the external DTD").hasValue(0);
    }

    @Test
    void a_billion_laughs_expansion_in_the_remittance_text_is_a_400_and_books_nothing() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10));
            doctype.append("\">");
        }
        doctype.append("]>");
        String xml = statement(doctype.toString(), "Rechnung " + invoice.number() + " &lol9;");

        assertRefusedAndNothingBooked(xml);
    }

    private void assertRefusedAndNothingBooked(String xml) {
        long entriesBefore = QuarkusTransaction.requiringNew().call(() -> BankEntry.count());

        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType("application/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8))
                .when()
                .post(STATEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("body"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> BankEntry.count()))
                .isEqualTo(entriesBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Payment.count("customerId", customerId)))
                .isZero();
    }

    /** The 001.02 test statement with a DOCTYPE after the XML declaration and the first remittance text replaced. */
    private String statement(String doctype, String remittance) {
        try (InputStream in = getClass().getResourceAsStream("/camt053/statement-001.02.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${RUN}", run)
                    .replace("${PAYER}", "Entity Test " + run + " GmbH")
                    .replace("${B_SPACED}", "-")
                    .replace("Rechnung ${A} vom 01.03.2037", remittance);
            return xml.replaceFirst("\\?>", "?>\n" + doctype.replace("$", "\\$"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
