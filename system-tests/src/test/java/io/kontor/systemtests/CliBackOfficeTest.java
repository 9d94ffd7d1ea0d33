package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.systemtests.KontorCli.Run;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The rest of the middle office's command line against the real platform (CliTest has sales, projects and
 * applications): accounting's invoices from XRechnung to bank statement, dunning and payment; hr's contracts and
 * references; and the live event stream. Each output is checked for what a person or a script relies on.
 */
class CliBackOfficeTest extends SystemTest {

    @TempDir
    Path home;

    KontorCli cli;

    @BeforeEach
    void cli() {
        cli = new KontorCli(platform, home);
    }

    @Test
    void an_accounting_clerk_works_through_invoices_statement_dunning_and_payment_with_the_cli() throws Exception {
        String customerId = kontor(
                        "customers",
                        "create",
                        "--name",
                        "Zahlungsmoral KG",
                        "--type",
                        "BUSINESS",
                        "--email",
                        "buchhaltung@zahlungsmoral.example",
                        "--payment-term-days",
                        "14",
                        "--street",
                        "Ballindamm 1",
                        "--postal-code",
                        "20095",
                        "--city",
                        "Hamburg",
                        "-o",
                        "json")
                .id();
        String sku = "CLI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        kontor(
                "products",
                "create",
                "--sku",
                sku,
                "--name",
                "Review day",
                "--unit-price",
                "500.00",
                "--vat-rate",
                "19");
        for (int days : new int[] {1, 2}) {
            String offerId = kontor(
                            "offers", "create", "--customer", customerId, "--line", sku + ":" + days, "-o", "json")
                    .id();
            kontor("offers", "send", offerId);
            kontor("offers", "accept", offerId);
        }
        List<JsonNode> invoices = await("both invoices of customer " + customerId)
                .atMost(FlowSteps.EVENT_DELIVERY)
                .until(
                        () -> {
                            List<JsonNode> found = new ArrayList<>();
                            kontor("invoices", "list", "--customer", customerId, "-o", "json")
                                    .json()
                                    .path("items")
                                    .forEach(found::add);
                            return found;
                        },
                        found -> found.size() == 2);
        JsonNode small = invoices.stream()
                .filter(i -> i.get("grossTotal").decimalValue().compareTo(new BigDecimal("595.00")) == 0)
                .findFirst()
                .orElseThrow();
        JsonNode large = invoices.stream()
                .filter(i -> i.get("grossTotal").decimalValue().compareTo(new BigDecimal("1190.00")) == 0)
                .findFirst()
                .orElseThrow();

        // XRechnung: an EN 16931 invoice in CII syntax that names the invoice and its amount due.
        Path xml = home.resolve("xrechnung.xml");
        kontor("invoices", "xrechnung", large.get("id").asText(), "--file", xml.toString());
        Document xrechnung = DocumentBuilderFactory.newDefaultNSInstance()
                .newDocumentBuilder()
                .parse(xml.toFile());
        assertThat(xrechnung.getDocumentElement().getLocalName()).isEqualTo("CrossIndustryInvoice");
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("//*[local-name()='ExchangedDocument']/*[local-name()='ID']", xrechnung))
                .isEqualTo(large.get("invoiceNumber").asText());
        assertThat(new BigDecimal(xpath.evaluate("//*[local-name()='DuePayableAmount']", xrechnung)))
                .isEqualByComparingTo("1190.00");

        // The bank statement pays the small invoice by its number in the remittance text.
        Path statement = home.resolve("statement.xml");
        LocalDate issued = LocalDate.parse(small.get("issueDate").asText());
        Files.writeString(
                statement,
                FlowSteps.Camt053.ofSellersAccount()
                        .credit(
                                new BigDecimal("595.00"),
                                issued.plusDays(2),
                                "Zahlungsmoral KG",
                                small.get("invoiceNumber").asText())
                        .xml(),
                StandardCharsets.UTF_8);
        Run imported = kontor("invoices", "import-statement", statement.toString());
        assertThat(imported.out())
                .contains("1 entries, 1 matched, 0 unmatched.")
                .contains(small.get("invoiceNumber").asText());
        assertThat(kontor("invoices", "show", small.get("id").asText(), "-o", "json")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("PAID");

        // Three weeks after the due date the large invoice is overdue; the paid one is not.
        LocalDate reminderDay = LocalDate.parse(large.get("dueDate").asText()).plusDays(7);
        FlowSteps.advance(reminderDay);
        JsonNode overdue = kontor("invoices", "list", "--overdue", "--customer", customerId, "-o", "json")
                .json();
        assertThat(overdue.path("items").findValuesAsText("invoiceNumber"))
                .containsExactly(large.get("invoiceNumber").asText());
        Run overdueTable = kontor("invoices", "list", "--overdue", "--customer", customerId);
        assertThat(overdueTable.out())
                .contains(large.get("invoiceNumber").asText())
                .contains("1190.00");
        assertThat(overdueTable.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));

        JsonNode run = kontor("invoices", "dunning-run", "--as-of", reminderDay.toString(), "-o", "json")
                .json();
        List<JsonNode> ours = new ArrayList<>();
        run.path("notices").forEach(notice -> {
            if (notice.path("invoiceNumber")
                    .asText()
                    .equals(large.get("invoiceNumber").asText())) {
                ours.add(notice);
            }
        });
        assertThat(ours).singleElement().satisfies(notice -> {
            assertThat(notice.get("level").asInt()).isEqualTo(1);
            assertThat(notice.get("fee").decimalValue()).isEqualByComparingTo("0.00");
        });
        assertThat(kontor("invoices", "dunning-run", "--as-of", reminderDay.toString())
                        .out())
                .startsWith("Dunning as of " + reminderDay + ":");

        // Paid on the reminder's day, the reminder cost nothing and no interest ran yet: the gross total settles it.
        Run paid = kontor(
                "invoices",
                "pay",
                "--invoice-number",
                large.get("invoiceNumber").asText(),
                "--amount",
                "1190.00",
                "--payer",
                "Zahlungsmoral KG",
                "--value-date",
                reminderDay.toString());
        assertThat(paid.out()).contains("Booked 1190.00 from Zahlungsmoral KG.");
        JsonNode settled = kontor("invoices", "show", large.get("id").asText(), "-o", "json")
                .json();
        assertThat(settled.get("status").asText()).isEqualTo("PAID");
        assertThat(settled.get("dunningLevel").asInt()).isEqualTo(1);
        assertThat(kontor("invoices", "list", "--overdue", "--customer", customerId, "-o", "json")
                        .json()
                        .path("items"))
                .isEmpty();

        // What a script sees when something is wrong: 1 for a file it cannot read, 2 for a statement the platform
        // refuses.
        Run missing = cli.run(
                "invoices", "import-statement", home.resolve("nothing.xml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        Path notCamt = home.resolve("pain.xml");
        Files.writeString(
                notCamt,
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>");
        Run refused = cli.run("invoices", "import-statement", notCamt.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip().lines())
                .singleElement()
                .asString()
                .contains("400")
                .contains("body");
    }

    @Test
    void an_hr_assistant_signs_the_contract_of_a_hire_and_writes_references_with_the_cli() throws Exception {
        String openingId = asAdmin()
                .body("""
                        {"title": "Controller", "department": "Finance", "location": "Hamburg", "requirements": ["HGB"]}
                        """)
                .post("/api/v1/hr/job-openings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin().post("/api/v1/hr/job-openings/{id}/publish", openingId).then().statusCode(200);
        String applicationId = kontor(
                        "applications",
                        "submit",
                        "--job-opening",
                        openingId,
                        "--first-name",
                        "Clara",
                        "--last-name",
                        "Controlling",
                        "--email",
                        "clara." + UUID.randomUUID().toString().substring(0, 6) + "@example.org",
                        "-o",
                        "json")
                .id();
        for (String stage : List.of("SCREENING", "INTERVIEW", "OFFER")) {
            kontor("applications", "advance", applicationId, "--stage", stage);
        }
        // Hiring creates the employee and the contract; the CLI has no hire command (API.md: POST
        // /applications/{id}/hire).
        Map<String, Object> hired = asAdmin()
                .body("""
                        {"startDate": "2027-04-01", "contractType": "PERMANENT", "annualSalary": 68000.00,
                         "weeklyHours": 40, "probationMonths": 6, "birthDate": "1990-12-10",
                         "employeeAddress": {"street": "Hafenstraße 7", "postalCode": "20459", "city": "Hamburg", "country": "DE"}}
                        """)
                .post("/api/v1/hr/applications/{id}/hire", applicationId)
                .then()
                .statusCode(201)
                .extract()
                .path("");
        String employeeId = (String) ((Map<?, ?>) hired.get("employee")).get("id");
        String contractId = (String) ((Map<?, ?>) hired.get("contract")).get("id");

        JsonNode contract =
                kontor("contracts", "show", contractId, "-o", "json").json();
        assertThat(contract.get("status").asText()).isEqualTo("DRAFT");
        assertThat(contract.get("annualSalary").decimalValue()).isEqualByComparingTo("68000.00");
        assertThat(contract.get("employeeId").asText()).isEqualTo(employeeId);

        Path contractPdf = home.resolve("contract.pdf");
        kontor("contracts", "document", contractId, "--file", contractPdf.toString());
        assertThat(pdfMagic(contractPdf)).isEqualTo("%PDF-");

        assertThat(kontor("contracts", "sign", contractId).out()).contains("SIGNED");
        assertThat(kontor("contracts", "show", contractId, "-o", "json")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("SIGNED");
        Run signedTwice = cli.run("contracts", "sign", contractId);
        assertThat(signedTwice.exitCode()).isEqualTo(2);
        assertThat(signedTwice.err()).contains("409");

        JsonNode first = kontor(
                        "references",
                        "create",
                        employeeId,
                        "--kind",
                        "INTERIM",
                        "--performance",
                        "1",
                        "--expertise",
                        "2",
                        "--reliability",
                        "1",
                        "--conduct",
                        "1",
                        "--task",
                        "Built the monthly close",
                        "--signer",
                        "Hanna Haller",
                        "--signer-position",
                        "Head of HR",
                        "-o",
                        "json")
                .json();
        JsonNode second = kontor(
                        "references",
                        "create",
                        employeeId,
                        "--kind",
                        "INTERIM",
                        "--performance",
                        "2",
                        "--expertise",
                        "2",
                        "--reliability",
                        "2",
                        "--conduct",
                        "1",
                        "--task",
                        "Built the monthly close",
                        "--signer",
                        "Hanna Haller",
                        "--signer-position",
                        "Head of HR",
                        "-o",
                        "json")
                .json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(first.get("text").asText())
                .contains("monthly close")
                .isNotEqualTo(second.get("text").asText());
        JsonNode versions =
                kontor("references", "list", employeeId, "-o", "json").json();
        assertThat(versions.findValuesAsText("id"))
                .containsExactly(first.get("id").asText(), second.get("id").asText());
        Run table = kontor("references", "list", employeeId);
        assertThat(table.out()).contains("INTERIM").contains(second.get("id").asText());

        Path referencePdf = home.resolve("reference.pdf");
        kontor("references", "document", second.get("id").asText(), "--file", referencePdf.toString());
        assertThat(pdfMagic(referencePdf)).isEqualTo("%PDF-");

        Run badGrade = cli.run(
                "references",
                "create",
                employeeId,
                "--kind",
                "FINAL",
                "--performance",
                "7",
                "--expertise",
                "1",
                "--reliability",
                "1",
                "--conduct",
                "1");
        assertThat(badGrade.exitCode()).isEqualTo(1);
        assertThat(badGrade.err()).contains("--performance");
    }

    @Test
    void events_tail_prints_an_event_of_the_live_stream_as_it_happens() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Run> tail = CompletableFuture.supplyAsync(() -> cli.run(
                out,
                err,
                "events",
                "tail",
                "--type",
                "sales.customer-registered",
                "--limit",
                "1",
                "--timeout",
                "150s",
                "-o",
                "json"));

        // The tail follows from when it is connected on; customers are registered until it has printed one of them.
        Map<String, String> registered = new java.util.concurrent.ConcurrentHashMap<>();
        await("the tail printing a registered customer")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    if (!tail.isDone()) {
                        String name = "Stream " + UUID.randomUUID().toString().substring(0, 8);
                        registered.put(
                                kontor(
                                                "customers",
                                                "create",
                                                "--name",
                                                name,
                                                "--type",
                                                "CONSUMER",
                                                "--email",
                                                "stream@example.org",
                                                "--street",
                                                "Weg 1",
                                                "--postal-code",
                                                "20457",
                                                "--city",
                                                "Hamburg",
                                                "-o",
                                                "json")
                                        .id(),
                                name);
                    }
                    return tail.isDone();
                });

        Run run = tail.get();
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode event = KontorCli.JSON.readTree(lines.get(0));
        assertThat(event.get("type").asText()).isEqualTo("kontor.sales.customer-registered.v1");
        String customerId = event.get("subject").asText();
        assertThat(registered).containsKey(customerId);
        assertThat(event.path("data").path("name").asText()).isEqualTo(registered.get(customerId));
    }

    /** A call that must succeed; its output for the checks. */
    private Run kontor(String... args) {
        Run run = cli.run(args);
        assertThat(run.exitCode())
                .as("kontor %s: %s", String.join(" ", args), run.err())
                .isZero();
        return run;
    }

    private static String pdfMagic(Path file) throws Exception {
        return new String(Files.readAllBytes(file), 0, 5, StandardCharsets.ISO_8859_1);
    }
}
