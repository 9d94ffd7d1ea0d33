package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.cli.Kontor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The middle-office client against the real platform: a sales assistant's day from the shell, customer to invoice
 * PDF, with the tables, JSON and error lines a person and a script would see.
 */
class CliTest extends SystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void a_sales_assistant_takes_a_customer_from_offer_to_invoice_pdf_with_the_cli() throws Exception {
        Run customer = kontor("customers", "create", "--name", "Kontor CLI GmbH", "--type", "BUSINESS",
                "--email", "einkauf@cli.example", "--vat-id", "DE123456789", "--street", "Am Sandtorkai 1",
                "--postal-code", "20457", "--city", "Hamburg", "-o", "json");
        assertThat(customer.exitCode()).as(customer.err()).isZero();
        String customerId = JSON.readTree(customer.out()).get("id").asText();

        String sku = "CLI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(kontor("products", "create", "--sku", sku, "--name", "Workshop", "--unit-price", "800.00",
                "--vat-rate", "19", "--unit", "day").exitCode()).isZero();
        Run offer = kontor("offers", "create", "--customer", customerId, "--line", sku + ":2", "-o", "json");
        assertThat(offer.exitCode()).as(offer.err()).isZero();
        JsonNode offerJson = JSON.readTree(offer.out());
        assertThat(offerJson.get("grossTotal").decimalValue()).isEqualByComparingTo("1904.00");
        String offerId = offerJson.get("id").asText();
        assertThat(kontor("offers", "send", offerId).exitCode()).isZero();
        assertThat(kontor("offers", "accept", offerId).exitCode()).isZero();

        JsonNode invoice = await("the invoice for offer " + offerId).atMost(Duration.ofSeconds(60)).until(() -> {
            Run invoices = kontor("invoices", "list", "--customer", customerId, "-o", "json");
            JsonNode items = JSON.readTree(invoices.out()).path("items");
            return items.size() == 1 ? items.get(0) : null;
        }, found -> found != null);
        assertThat(invoice.get("grossTotal").decimalValue()).isEqualByComparingTo("1904.00");

        Path pdf = home.resolve("invoice.pdf");
        Run download = kontor("invoices", "pdf", invoice.get("id").asText(), "--file", pdf.toString());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        Run table = kontor("customers", "list", "--query", "Kontor CLI");
        assertThat(table.exitCode()).isZero();
        // The name is shortened to fit 80 columns; the customer number never is.
        assertThat(table.out()).contains("Kontor CLI").contains(JSON.readTree(customer.out()).get("customerNumber").asText());
        assertThat(table.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void a_refused_request_is_one_clear_line_and_exit_code_2() {
        Run missing = kontor("customers", "show", UUID.randomUUID().toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("404");

        Run invalid = kontor("customers", "create", "--name", "Ohne Post", "--type", "CONSUMER", "--email", "not-an-email",
                "--street", "Weg 1", "--postal-code", "20457", "--city", "Hamburg");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("email");
    }

    private Run kontor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("KONTOR_URL", platform.gatewayUrl(), "KONTOR_TOKEN", platform.adminToken(), "COLUMNS", "80");
        CommandLine commandLine = new Kontor(env, home, Clock.systemDefaultZone()).commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
