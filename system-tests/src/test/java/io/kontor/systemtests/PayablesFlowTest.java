package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.DevJwt;
import io.kontor.devinfra.MailServer;
import io.kontor.testing.TestMail;
import io.kontor.testing.sepa.Pain001Schema;
import io.kontor.testing.sepa.SepaFacets;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Accounts payable through the gateway (issue #26), as a back office receives and pays: a supplier mails a ZUGFeRD PDF
 * to the intake mailbox (the platform's real mail server, read over IMAP), another invoice is uploaded as XRechnung;
 * the one above the approval limit needs a second person (four eyes, GoBD Rz. 100 ff.); a payment run makes a SEPA
 * credit transfer file (pain.001.001.09, checked against the ISO 20022 schema); the bank statement (camt.053) with the
 * debits settles both; the DATEV export books them with input VAT per rate (§15 (1) UStG) and carries the originals as
 * received (GoBD, §147 AO).
 */
class PayablesFlowTest extends SystemTest {

    private static final String INVOICES = "/api/v1/accounting/supplier-invoices";

    @Test
    void an_invoice_by_mail_and_one_by_upload_are_approved_paid_by_a_sepa_file_settled_and_exported_to_datev() {
        // Rechnung BN-2026-1187 of Büromarkt Nord GmbH: 2 x Toner at 50.00, 19 % = 119.00 (ZUGFeRD, by mail).
        byte[] zugferd = resource("payables/zugferd-bueromarkt-nord.pdf");
        // Rechnung RZ-2026-0815 of Rechenzentrum Süd AG: 1200.00 at 19 % + 40.00 at 7 % = 1428.00 + 42.80 = 1470.80.
        byte[] xrechnung = resource("payables/xrechnung-rechenzentrum-sued.xml");

        String messageId = TestMail.send(
                platform.mail().smtpPort(),
                "buchhaltung@bueromarkt-nord.example",
                MailServer.INVOICES_ADDRESS,
                "Rechnung BN-2026-1187",
                "Sehr geehrte Damen und Herren, anbei unsere Rechnung.",
                new TestMail.Attachment("BN-2026-1187.pdf", "application/pdf", zugferd));
        Map<String, Object> mail = await("the mailed invoice taken in by accounting")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> mailed(messageId), m -> m != null);
        assertThat(mail.get("outcome")).isEqualTo("INVOICE");
        assertThat(mail.get("sender")).isEqualTo("buchhaltung@bueromarkt-nord.example");
        String mailed = (String) mail.get("invoiceId");
        Map<String, Object> fromMail = invoice(mailed);
        assertThat(fromMail.get("receivedVia")).isEqualTo("MAIL");
        assertThat(fromMail.get("kind")).isEqualTo("ZUGFERD_PDF");
        assertThat(fromMail.get("status")).isEqualTo("RECEIVED");
        assertThat(fromMail.get("invoiceNumber")).isEqualTo("BN-2026-1187");
        assertThat(money(fromMail.get("payableAmount"))).isEqualByComparingTo("119.00");
        System.out.println("Extracted from the mailed ZUGFeRD PDF: " + fromMail);

        String uploaded = as("anna")
                .contentType("multipart/form-data")
                .multiPart("file", "RZ-2026-0815.xml", xrechnung, "application/xml")
                .post(INVOICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> fromUpload = invoice(uploaded);
        assertThat(fromUpload.get("kind")).isEqualTo("XRECHNUNG_CII");
        assertThat(money(fromUpload.get("payableAmount"))).isEqualByComparingTo("1470.80");

        // Above 1000.00 the one who recorded it cannot approve it; a second person can.
        as("anna").post(INVOICES + "/{id}/approve", uploaded).then().statusCode(409);
        as("bernd").post(INVOICES + "/{id}/approve", uploaded).then().statusCode(200);
        as("anna").post(INVOICES + "/{id}/approve", mailed).then().statusCode(200);

        LocalDate dueBy = LocalDate.parse("2026-12-25").plusYears(5);
        Map<String, Object> run = as("bernd")
                .contentType(ContentType.JSON)
                .body("{\"dueBy\":\"" + dueBy + "\"}")
                .post("/api/v1/accounting/payment-runs")
                .then()
                .statusCode(201)
                .extract()
                .path("");
        Map<String, Object> paidMailed = paid(run, mailed);
        Map<String, Object> paidUploaded = paid(run, uploaded);
        assertThat(money(paidMailed.get("amount"))).isEqualByComparingTo("119.00");
        assertThat(money(paidUploaded.get("amount"))).isEqualByComparingTo("1470.80");
        String pain001 = as("bernd")
                .get("/api/v1/accounting/payment-runs/{id}/pain001", run.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            Pain001Schema.validate(pain001);
        } catch (Exception e) {
            throw new AssertionError("the pain.001 does not validate: " + e.getMessage(), e);
        }
        SepaFacets.assertFacets(pain001);
        assertThat(pain001)
                .contains("<EndToEndId>" + paidUploaded.get("endToEndId") + "</EndToEndId>")
                .contains("<InstdAmt Ccy=\"EUR\">1470.80</InstdAmt>")
                .contains("<IBAN>DE02100100100006820101</IBAN>");
        System.out.println("pain.001 of the run:\n"
                + String.join(
                        "\n", Arrays.asList(pain001.split("\n")).subList(0, Math.min(30, pain001.split("\n").length))));
        assertThat(invoice(mailed).get("status")).isEqualTo("IN_PAYMENT");

        LocalDate executed = LocalDate.parse((String) run.get("executionDate"));
        asAdmin()
                // The statement says UTF-8 and names "Büromarkt": the body must be sent in that encoding, not HTTP's
                // ISO-8859-1.
                .contentType("application/xml; charset=UTF-8")
                .body(FlowSteps.Camt053.ofSellersAccount()
                        .debit(new BigDecimal("119.00"), executed, "Büromarkt Nord GmbH", (String)
                                paidMailed.get("endToEndId"))
                        .debit(new BigDecimal("1470.80"), executed, "Rechenzentrum Süd AG", (String)
                                paidUploaded.get("endToEndId"))
                        .xml())
                .post("/api/v1/accounting/bank-statements")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        for (String id : List.of(mailed, uploaded)) {
            Map<String, Object> settled = invoice(id);
            assertThat(settled.get("status")).as("invoice " + id).isEqualTo("PAID");
            assertThat(settled.get("paidOn")).isEqualTo(executed.toString());
        }

        // DATEV: the invoices in the month of their date (November 2026), the payments in the month paid.
        List<String> invoiceLines = datevLines(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        List<String> bn = lines(invoiceLines, "\"BN-2026-1187\"");
        List<String> rz = lines(invoiceLines, "\"RZ-2026-0815\"");
        assertThat(bn)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("119,00;\"S\";\"EUR\";;;;4900;70000;\"9\";2011;\"BN-2026-1187\";\"201226\";")
                        .contains("\"BEDI \"\"" + mailed.toUpperCase(Locale.ROOT) + "\"\"\""));
        // One line per rate: 19 % input VAT (BU 9) and 7 % (BU 8), due 25 December 2026.
        assertThat(rz).hasSize(2);
        assertThat(rz.get(0)).startsWith("1428,00;\"S\";\"EUR\";;;;4900;70000;\"9\";2511;\"RZ-2026-0815\";\"251226\";");
        assertThat(rz.get(1)).startsWith("42,80;\"S\";\"EUR\";;;;4900;70000;\"8\";2511;\"RZ-2026-0815\";\"251226\";");
        List<String> paymentLines = datevLines(executed.withDayOfMonth(1), executed);
        assertThat(lines(paymentLines, "\"BN-2026-1187\""))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("119,00;\"S\";\"EUR\";;;;70000;1200;;"));
        assertThat(lines(paymentLines, "\"RZ-2026-0815\""))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("1470,80;\"S\";\"EUR\";;;;70000;1200;;"));
        System.out.println("DATEV lines of the payables:\n" + String.join("\n", bn) + "\n" + String.join("\n", rz)
                + "\n" + String.join("\n", lines(paymentLines, "\"BN-2026-1187\"")) + "\n"
                + String.join("\n", lines(paymentLines, "\"RZ-2026-0815\"")));

        Map<String, byte[]> zip = datevZip(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(zip.get("Belege/" + mailed.toUpperCase(Locale.ROOT) + ".pdf"))
                .isEqualTo(zugferd);
        assertThat(zip.get("Belege/" + uploaded.toUpperCase(Locale.ROOT) + ".xml"))
                .isEqualTo(xrechnung);
    }

    private static List<String> lines(List<String> all, String belegfeld1) {
        return all.stream().filter(l -> l.split(";", -1)[10].equals(belegfeld1)).toList();
    }

    private static List<String> datevLines(LocalDate from, LocalDate to) {
        byte[] file = as("bernd")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("chart", "SKR03")
                .get("/api/v1/accounting/datev/buchungsstapel")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return Arrays.stream(new String(file, Charset.forName("windows-1252")).split("\r\n"))
                .skip(2)
                .toList();
    }

    private static Map<String, byte[]> datevZip(LocalDate from, LocalDate to) {
        byte[] zip = as("bernd")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Map<String, Object> mailed(String messageId) {
        List<Map<String, Object>> items = asAdmin()
                .queryParam("size", 200)
                .get(INVOICES + "/mail")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(m -> messageId.equals(m.get("messageId")))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> invoice(String id) {
        return asAdmin()
                .get(INVOICES + "/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paid(Map<String, Object> run, String invoiceId) {
        return ((List<Map<String, Object>>) run.get("invoices"))
                .stream()
                        .filter(i -> invoiceId.equals(i.get("invoiceId")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("invoice " + invoiceId + " not in the run " + run));
    }

    /** A person of accounting, by name: the four-eyes rule tells people apart by the token's subject. */
    private static RequestSpecification as(String subject) {
        return given().baseUri(platform.gatewayUrl())
                .config(RestAssuredConfig.config()
                        .jsonConfig(
                                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header(
                        "Authorization",
                        "Bearer " + DevJwt.mint("payables-" + subject, Duration.ofMinutes(20), "accounting"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PayablesFlowTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
