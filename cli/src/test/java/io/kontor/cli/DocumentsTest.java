package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents come down as files (PDF, XRechnung, iCalendar), a bank statement goes up as one. */
class DocumentsTest {

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path home;

    @TempDir
    Path downloads;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start();
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void an_invoice_pdf_is_saved_byte_for_byte_where_the_user_says() throws Exception {
        gateway.answer("GET", "/accounting/invoices/i-1/pdf", 200, Map.of("Content-Type", "application/pdf"), PDF);
        Path file = downloads.resolve("re.pdf");

        Cli.Result result = cli.run("invoices", "pdf", "i-1", "--file", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        assertThat(gateway.last().accept()).isEqualTo("application/pdf");
        assertThat(result.out()).isEqualTo("Saved " + file + " (" + PDF.length + " bytes).\n");
    }

    @Test
    void a_dunning_notice_pdf_is_saved_byte_for_byte() throws Exception {
        gateway.answer(
                "GET",
                "/accounting/invoices/i-1/dunning-notices/2/pdf",
                200,
                Map.of("Content-Type", "application/pdf"),
                PDF);
        Path file = downloads.resolve("mahnung.pdf");

        Cli.Result result = cli.run("invoices", "dunning-notice", "i-1", "--level", "2", "--file", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        assertThat(gateway.last().accept()).isEqualTo("application/pdf");
    }

    @Test
    void without_a_file_the_services_name_is_used_but_only_as_a_name_in_the_current_directory() throws Exception {
        gateway.answer(
                "GET",
                "/accounting/invoices/i-1/xrechnung",
                200,
                Map.of(
                        "Content-Type",
                        "application/xml",
                        "Content-Disposition",
                        "attachment; filename=\"../../RE-2026-000042.xml\""),
                "<Invoice/>".getBytes());

        Cli.Result result = cli.run("invoices", "xrechnung", "i-1", "-o", "json");

        Path saved = Path.of("RE-2026-000042.xml");
        try {
            assertThat(result.exitCode()).isZero();
            assertThat(saved).hasContent("<Invoice/>");
            assertThat(Gateway.JSON.readTree(result.out()).path("file").asText())
                    .isEqualTo("RE-2026-000042.xml");
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @Test
    void a_bank_statement_file_is_posted_as_xml_and_the_matches_are_listed() throws Exception {
        Path camt = downloads.resolve("statement.xml");
        Files.writeString(camt, "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>");
        gateway.json("POST", "/accounting/bank-statements", """
                {"entries":3,"matched":[{"invoiceNumber":"RE-2026-000042","amount":1428.00}],
                 "unmatched":[{"amount":10.00,"payerName":"Unbekannt","reference":"Spende"}]}""");

        Cli.Result result = cli.run("invoices", "import-statement", camt.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(gateway.last().contentType()).isEqualTo("application/xml");
        assertThat(gateway.last().text()).isEqualTo(Files.readString(camt));
        assertThat(result.lines())
                .containsExactly(
                        "3 entries, 1 matched, 1 unmatched.",
                        "INVOICE         AMOUNT",
                        "RE-2026-000042  1428.00",
                        "Unmatched:",
                        "  10.00  Unbekannt  Spende");
    }

    @Test
    void a_kickoff_can_be_scheduled_and_its_invitation_downloaded_in_one_go() throws Exception {
        gateway.json("POST", "/projects/p-1/kickoff", "{\"scheduledAt\":\"2026-03-09T10:00+01:00\"}")
                .answer(
                        "GET",
                        "/projects/p-1/kickoff.ics",
                        200,
                        "text/calendar",
                        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        Path ics = downloads.resolve("kickoff.ics");

        Cli.Result result =
                cli.run("projects", "kickoff", "p-1", "--at", "2026-03-09T10:00+01:00", "--ics", ics.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(gateway.requests).extracting(FakeGateway.Request::method).containsExactly("POST", "GET");
        assertThat(ics).hasContent("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void the_status_report_in_markdown_is_printed_as_it_is() {
        String markdown =
                "# Status: Website relaunch\n\n**RAG:** AMBER\n\n| risk | score |\n|---|---|\n| Key person | 15 |\n";
        gateway.answer("GET", "/projects/p-1/status-report", 200, "text/markdown", markdown);

        Cli.Result result = cli.run("projects", "status-report", "p-1", "--markdown");

        assertThat(result.exitCode()).isZero();
        assertThat(gateway.last().accept()).isEqualTo("text/markdown");
        assertThat(result.out()).isEqualTo(markdown);
    }

    @Test
    void contract_and_reference_documents_come_from_their_own_paths() throws Exception {
        gateway.answer("GET", "/hr/contracts/k-1/document", 200, Map.of("Content-Type", "application/pdf"), PDF)
                .answer("GET", "/hr/references/r-1/document", 200, Map.of("Content-Type", "application/pdf"), PDF);

        assertThat(cli.run(
                                "contracts",
                                "document",
                                "k-1",
                                "-f",
                                downloads.resolve("k.pdf").toString())
                        .exitCode())
                .isZero();
        assertThat(cli.run(
                                "references",
                                "document",
                                "r-1",
                                "-f",
                                downloads.resolve("r.pdf").toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readAllBytes(downloads.resolve("k.pdf"))).isEqualTo(PDF);
        assertThat(Files.readAllBytes(downloads.resolve("r.pdf"))).isEqualTo(PDF);
    }

    @Test
    void a_supplier_invoice_file_is_posted_as_received_with_its_name() throws Exception {
        Path pdf = downloads.resolve("rechnung-77.pdf");
        Files.write(pdf, PDF);
        gateway.json("POST", "/accounting/supplier-invoices", """
                {"id":"s-1","kind":"ZUGFERD_PDF","status":"RECEIVED","invoiceNumber":"77"}""");

        Cli.Result result = cli.run("supplier-invoices", "upload", pdf.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(gateway.last().contentType()).isEqualTo("application/pdf");
        assertThat(gateway.last().query()).isEqualTo("fileName=rechnung-77.pdf&via=CLI");
        assertThat(result.out()).contains("ZUGFERD_PDF");
    }
}
