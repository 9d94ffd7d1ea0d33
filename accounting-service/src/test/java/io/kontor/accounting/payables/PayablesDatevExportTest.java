package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.ApprovalTest.approve;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.item;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.zugferdPdf;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.asClerk;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.uploadFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.datev.DatevFormat;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts payable in the DATEV Buchungsstapel (developer.datev.de, DATEV-Format, Buchungsstapel format version 13),
 * field by field: a received invoice as expense to creditor with the input-VAT key per rate (§15 (1) Nr. 1 UStG: input
 * VAT needs the invoice), the payment a camt.053 debit settled as creditor to bank, the Skonto taken to the
 * received-discounts account of each rate (§17 (1) UStG: the input VAT is corrected with it), and the originals as
 * received in the export (GoBD: the document behind each booking).
 */
@QuarkusTest
class PayablesDatevExportTest {

    private static final Charset ANSI = Charset.forName("windows-1252");
    static final String RUNS = "/api/v1/accounting/payment-runs";

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void supplier_invoices_payments_and_skonto_are_booked_with_input_vat_per_rate_and_the_originals_go_along()
            throws IOException {
        clock.set(Instant.parse("2033-03-10T09:00:00Z"));
        String vatA = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String vatB = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String numberA = "EA-" + vatA;
        String numberB = "EB-" + vatB;
        // A: XRechnung, 1000.00 at 19 % and 50.00 at 7 %, 2 % Skonto in 10 days, issued 7 March 2033.
        byte[] xml = cii(spec("Lieferant " + vatA, vatA, "DE89370400440532013000", numberA, LocalDate.of(2033, 3, 7)))
                .getBytes(StandardCharsets.UTF_8);
        // B: ZUGFeRD PDF, 100.00 at 19 %, 2 % Skonto in 10 days, issued 8 March 2033.
        byte[] pdf =
                zugferdPdf(spec("Werkstatt " + vatB, vatB, "DE02100100100006820101", numberB, LocalDate.of(2033, 3, 8))
                        .items(item("Reparatur", "1", "100.00", "19")));
        String a = uploadFile("alice", xml, "a.xml", "application/xml")
                .statusCode(201)
                .extract()
                .path("id");
        String b = uploadFile("alice", pdf, "b.pdf", "application/pdf")
                .statusCode(201)
                .extract()
                .path("id");
        approve("bob", a).statusCode(200);
        approve("bob", b).statusCode(200);
        JsonPath run = asClerk()
                .contentType("application/json")
                .body("{\"dueBy\":\"2033-03-18\"}")
                .post(RUNS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String endToEndA = endToEnd(run, a);
        String endToEndB = endToEnd(run, b);
        asClerk()
                .contentType("application/xml")
                .body(PaymentRunTest.camt053(
                        LocalDate.of(2033, 3, 10),
                        List.of(
                                new PaymentRunTest.Debit(endToEndA, "1218.63"),
                                new PaymentRunTest.Debit(endToEndB, "116.62"))))
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200);

        String file = new String(
                asClerk()
                        .queryParam("from", "2033-03-01")
                        .queryParam("to", "2033-03-31")
                        .queryParam("chart", "SKR03")
                        .get("/api/v1/accounting/datev/buchungsstapel")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                ANSI);
        List<Map<String, String>> lines = Arrays.stream(file.split("\r\n"))
                .skip(2)
                .map(PayablesDatevExportTest::fields)
                .filter(l -> l.get("Belegfeld 1").equals(q(numberA))
                        || l.get("Belegfeld 1").equals(q(numberB)))
                .toList();
        String linkA = q("BEDI \"\"" + a.toUpperCase(Locale.ROOT) + "\"\"");
        String linkB = q("BEDI \"\"" + b.toUpperCase(Locale.ROOT) + "\"\"");

        assertThat(lines).hasSize(8);
        // The invoice: expense 4900 to creditor 70000, gross per rate, BU 9 (19 % input VAT) and 8 (7 %).
        assertLine(
                lines.get(0),
                "1190,00",
                "4900",
                "70000",
                q("9"),
                "0703",
                numberA,
                q("060433"),
                "Lieferant " + vatA,
                linkA);
        assertLine(
                lines.get(1),
                "53,50",
                "4900",
                "70000",
                q("8"),
                "0703",
                numberA,
                q("060433"),
                "Lieferant " + vatA,
                linkA);
        assertLine(
                lines.get(2),
                "119,00",
                "4900",
                "70000",
                q("9"),
                "0803",
                numberB,
                q("070433"),
                "Werkstatt " + vatB,
                linkB);
        // Payment: creditor to bank 1200 for what the debit took; Skonto to 3736 (19 %) and 3731 (7 %), split by the
        // rates' gross: 24.87 x 1190.00 / 1243.50 = 23.80, the rest 1.07.
        assertLine(lines.get(3), "1218,63", "70000", "1200", "", "1003", numberA, "", "Zahlung Lieferant " + vatA, "");
        assertLine(lines.get(4), "23,80", "70000", "3736", "", "1003", numberA, "", "Skonto Lieferant " + vatA, "");
        assertLine(lines.get(5), "1,07", "70000", "3731", "", "1003", numberA, "", "Skonto Lieferant " + vatA, "");
        assertLine(lines.get(6), "116,62", "70000", "1200", "", "1003", numberB, "", "Zahlung Werkstatt " + vatB, "");
        assertLine(lines.get(7), "2,38", "70000", "3736", "", "1003", numberB, "", "Skonto Werkstatt " + vatB, "");
        for (Map<String, String> line : lines) {
            assertThat(line.get("Soll/Haben-Kennzeichen")).isEqualTo(q("S"));
            assertThat(line.get("WKZ Umsatz")).isEqualTo(q("EUR"));
            assertThat(line.get("Generalumkehr (GU)")).isEmpty();
        }

        // SKR04: expense 6300, Skonto 5736/5731; keys and creditor the same.
        String skr04 = new String(
                asClerk()
                        .queryParam("from", "2033-03-01")
                        .queryParam("to", "2033-03-31")
                        .queryParam("chart", "SKR04")
                        .get("/api/v1/accounting/datev/buchungsstapel")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                ANSI);
        List<Map<String, String>> lines04 = Arrays.stream(skr04.split("\r\n"))
                .skip(2)
                .map(PayablesDatevExportTest::fields)
                .filter(l -> l.get("Belegfeld 1").equals(q(numberA)))
                .toList();
        assertThat(lines04)
                .extracting(l ->
                        l.get("Konto") + ">" + l.get("Gegenkonto (ohne BU-Schlüssel)") + " " + l.get("BU-Schlüssel"))
                .containsExactly("6300>70000 \"9\"", "6300>70000 \"8\"", "70000>1800 ", "70000>5736 ", "70000>5731 ");

        // The export zip: the originals byte for byte, named as the Beleglink says.
        byte[] zip = asClerk()
                .queryParam("from", "2033-03-01")
                .queryParam("to", "2033-03-31")
                .get("/api/v1/accounting/datev/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.get("Belege/" + a.toUpperCase(Locale.ROOT) + ".xml")).isEqualTo(xml);
        assertThat(entries.get("Belege/" + b.toUpperCase(Locale.ROOT) + ".pdf")).isEqualTo(pdf);
    }

    private static String endToEnd(JsonPath run, String invoiceId) {
        List<Map<String, Object>> invoices = run.getList("invoices");
        return invoices.stream()
                .filter(i -> invoiceId.equals(i.get("invoiceId")))
                .map(i -> (String) i.get("endToEndId"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("invoice " + invoiceId + " not in the run: " + invoices));
    }

    private static void assertLine(
            Map<String, String> line,
            String amount,
            String account,
            String contra,
            String taxKey,
            String documentDate,
            String number,
            String field2,
            String text,
            String link) {
        assertThat(line.get("Umsatz (ohne Soll/Haben-Kz)")).as("Umsatz").isEqualTo(amount);
        assertThat(line.get("Konto")).as("Konto").isEqualTo(account);
        assertThat(line.get("Gegenkonto (ohne BU-Schlüssel)")).as("Gegenkonto").isEqualTo(contra);
        assertThat(line.get("BU-Schlüssel")).as("BU-Schlüssel").isEqualTo(taxKey);
        assertThat(line.get("Belegdatum")).as("Belegdatum").isEqualTo(documentDate);
        assertThat(line.get("Belegfeld 1")).as("Belegfeld 1").isEqualTo(q(number));
        assertThat(line.get("Belegfeld 2")).as("Belegfeld 2").isEqualTo(field2);
        assertThat(line.get("Buchungstext")).as("Buchungstext").isEqualTo(q(text));
        assertThat(line.get("Beleglink")).as("Beleglink").isEqualTo(link);
    }

    /** A line by column name; text fields keep their quotes. */
    private static Map<String, String> fields(String line) {
        String[] values = line.split(";", -1);
        assertThat(values).hasSize(DatevFormat.COLUMNS.size());
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            fields.put(DatevFormat.COLUMNS.get(i), values[i]);
        }
        return fields;
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
