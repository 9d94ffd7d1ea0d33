package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.systemtests.KontorCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The middle-office client against the real platform: a sales assistant's day from the shell, customer to invoice PDF,
 * with the tables, JSON and error lines a person and a script would see.
 */
class CliTest extends SystemTest {

    private static final ObjectMapper JSON = KontorCli.JSON;

    @TempDir
    Path home;

    @Test
    void a_sales_assistant_takes_a_customer_from_offer_to_invoice_pdf_with_the_cli() throws Exception {
        Run customer = kontor(
                "customers",
                "create",
                "--name",
                "Kontor CLI GmbH",
                "--type",
                "BUSINESS",
                "--email",
                "einkauf@cli.example",
                "--vat-id",
                "DE811907980",
                "--street",
                "Am Sandtorkai 1",
                "--postal-code",
                "20457",
                "--city",
                "Hamburg",
                "-o",
                "json");
        assertThat(customer.exitCode()).as(customer.err()).isZero();
        String customerId = JSON.readTree(customer.out()).get("id").asText();

        String sku = "CLI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        assertThat(kontor(
                                "products",
                                "create",
                                "--sku",
                                sku,
                                "--name",
                                "Workshop",
                                "--unit-price",
                                "800.00",
                                "--vat-rate",
                                "19",
                                "--unit",
                                "day")
                        .exitCode())
                .isZero();
        Run offer = kontor("offers", "create", "--customer", customerId, "--line", sku + ":2", "-o", "json");
        assertThat(offer.exitCode()).as(offer.err()).isZero();
        JsonNode offerJson = JSON.readTree(offer.out());
        assertThat(offerJson.get("grossTotal").decimalValue()).isEqualByComparingTo("1904.00");
        String offerId = offerJson.get("id").asText();
        assertThat(kontor("offers", "send", offerId).exitCode()).isZero();
        assertThat(kontor("offers", "accept", offerId).exitCode()).isZero();

        JsonNode invoice = await("the invoice for offer " + offerId)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            Run invoices = kontor("invoices", "list", "--customer", customerId, "-o", "json");
                            JsonNode items = JSON.readTree(invoices.out()).path("items");
                            return items.size() == 1 ? items.get(0) : null;
                        },
                        found -> found != null);
        assertThat(invoice.get("grossTotal").decimalValue()).isEqualByComparingTo("1904.00");

        Path pdf = home.resolve("invoice.pdf");
        Run download = kontor("invoices", "pdf", invoice.get("id").asText(), "--file", pdf.toString());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        Run table = kontor("customers", "list", "--query", "Kontor CLI");
        assertThat(table.exitCode()).isZero();
        // The name is shortened to fit 80 columns; the customer number never is.
        assertThat(table.out())
                .contains("Kontor CLI")
                .contains(JSON.readTree(customer.out()).get("customerNumber").asText());
        assertThat(table.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void a_project_assistant_runs_kickoff_risks_minutes_and_status_report_with_the_cli() throws Exception {
        String projectId = asAdmin()
                .body("""
                        {"name": "Warehouse rollout", "managerEmail": "pm@kontor.example", "startDate": "2027-01-04"}
                        """)
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Path ics = home.resolve("kickoff.ics");
        Run kickoff = kontor(
                "projects",
                "kickoff",
                projectId,
                "--at",
                "2027-01-11T10:00+01:00",
                "--duration",
                "90",
                "--participant",
                "lead@kontor.example",
                "--agenda",
                "Scope",
                "--ics",
                ics.toString());
        assertThat(kickoff.exitCode()).as(kickoff.err()).isZero();
        assertThat(Files.readString(ics)).contains("BEGIN:VCALENDAR").contains("lead@kontor.example");

        Run risk = kontor(
                "projects",
                "risks",
                "add",
                projectId,
                "--title",
                "Key person leaves",
                "--probability",
                "4",
                "--impact",
                "4",
                "--mitigation",
                "Pair programming",
                "--owner",
                "pm@kontor.example");
        assertThat(risk.exitCode()).as(risk.err()).isZero();
        Run minutes = kontor(
                "projects",
                "minutes",
                projectId,
                "--date",
                "2027-01-11",
                "--attendee",
                "lead@kontor.example",
                "--decision",
                "Start with the pilot site");
        assertThat(minutes.exitCode()).as(minutes.err()).isZero();

        Run report = kontor("projects", "status-report", projectId, "--markdown");
        assertThat(report.exitCode()).as(report.err()).isZero();
        // An open risk scoring 16 is escalated, and an escalated open risk makes the project RED.
        assertThat(report.out()).contains("RED").contains("Key person leaves");
    }

    @Test
    void an_hr_assistant_takes_an_application_through_screening_with_the_cli() {
        String openingId = asAdmin()
                .body("""
                        {"title": "Bookkeeper", "department": "Finance", "location": "Hamburg", "requirements": ["HGB"]}
                        """)
                .post("/api/v1/hr/job-openings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin().post("/api/v1/hr/job-openings/{id}/publish", openingId).then().statusCode(200);

        Run submitted = kontor(
                "applications",
                "submit",
                "--job-opening",
                openingId,
                "--first-name",
                "Grete",
                "--last-name",
                "Buchhalter",
                "--email",
                "grete." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                "-o",
                "json");
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        String applicationId = submitted.id();
        Run advanced = kontor("applications", "advance", applicationId, "--stage", "SCREENING");
        assertThat(advanced.exitCode()).as(advanced.err()).isZero();
        Run illegal = kontor("applications", "advance", applicationId, "--stage", "OFFER");
        assertThat(illegal.exitCode()).isEqualTo(2);
        assertThat(illegal.err()).contains("409");
        Run ranking = kontor("applications", "rank", openingId, "-o", "json");
        assertThat(ranking.exitCode()).as(ranking.err()).isZero();
        assertThat(ranking.out()).contains(applicationId);
    }

    @Test
    void a_refused_request_is_one_clear_line_and_exit_code_2() {
        Run missing = kontor("customers", "show", UUID.randomUUID().toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("404");

        Run invalid = kontor(
                "customers",
                "create",
                "--name",
                "Ohne Post",
                "--type",
                "CONSUMER",
                "--email",
                "not-an-email",
                "--street",
                "Weg 1",
                "--postal-code",
                "20457",
                "--city",
                "Hamburg");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("email");
    }

    private Run kontor(String... args) {
        return new KontorCli(platform, home).run(args);
    }
}
