package io.kontor.accounting.datev;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A month's DATEV Buchungsstapel with every tax treatment, checked field by field against DATEV's format description
 * (developer.datev.de, DATEV-Format: header version 700, Buchungsstapel format version 13): header line, column line,
 * and each booking's amount, debit/credit mark, currency, accounts, Belegdatum (TTMM), Belegfeld 1, Buchungstext,
 * Beleglink, EU VAT id (§18a UStG, ZM), Leistungsdatum and Generalumkehr; Windows-1252, CR LF, decimal comma.
 */
@QuarkusTest
class DatevExportTest {

    private static final Charset ANSI = Charset.forName("windows-1252");

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_month_with_every_tax_treatment_is_exported_field_by_field_with_skr03_accounts() throws IOException {
        clock.set(Instant.parse("2032-02-03T09:00:00Z"));
        // Invoices of 3 February 2032; SKR03 revenue accounts by treatment (application.properties).
        Map<String, String> invoices = new LinkedHashMap<>();
        String domestic = issue(
                customer(CustomerType.BUSINESS, "DE", "DE811907980"),
                line("Beratung", "1000.00", "19", "SERVICE", null) + ","
                        + line("Fachbuch", "100.00", "7", "GOODS", null));
        invoices.put("domestic", domestic);
        invoices.put(
                "13b",
                issue(
                        customer(CustomerType.BUSINESS, "DE", "DE811907980"),
                        line("Bauleistung", "300.00", "19", "SERVICE", "REVERSE_CHARGE_13B")));
        invoices.put(
                "igl",
                issue(
                        customer(CustomerType.BUSINESS, "AT", "ATU13585627"),
                        line("Ware", "300.00", "19", "GOODS", null)));
        invoices.put(
                "eu-service",
                issue(
                        customer(CustomerType.BUSINESS, "FR", "FR40303265045"),
                        line("Beratung", "300.00", "19", "SERVICE", null)));
        invoices.put(
                "export",
                issue(customer(CustomerType.CONSUMER, "US", null), line("Ware", "300.00", "19", "GOODS", null)));
        invoices.put(
                "not-taxable",
                issue(customer(CustomerType.BUSINESS, "CH", null), line("Beratung", "300.00", "19", "SERVICE", null)));
        String exempt = issue(
                customer(CustomerType.CONSUMER, "DE", null),
                line("Heilbehandlung", "300.00", "19", "SERVICE", "EXEMPT"));
        invoices.put("exempt", exempt);
        Map<String, String> numbers = new HashMap<>();
        invoices.forEach((key, id) -> numbers.put(key, number(id)));

        // The domestic invoice is paid on 20 February (1190.00 + 107.00); the exempt one cancelled on 21 February.
        clock.set(Instant.parse("2032-02-20T09:00:00Z"));
        asAccountant()
                .body("{\"invoiceNumber\":\"" + numbers.get("domestic")
                        + "\",\"amount\":1297.00,\"valueDate\":\"2032-02-20\",\"payerName\":\"Kunde DE\"}")
                .post(API + "/payments")
                .then()
                .statusCode(201);
        clock.set(Instant.parse("2032-02-21T09:00:00Z"));
        String creditNote = asAccountant()
                .body("{\"reason\":\"doppelt berechnet\"}")
                .post(API + "/invoices/" + exempt + "/cancel")
                .then()
                .statusCode(200)
                .extract()
                .path("creditNoteNumber");

        clock.set(Instant.parse("2032-03-02T10:11:12.345Z"));
        byte[] file = asAccountant()
                .get(API + "/datev/buchungsstapel?from=2032-02-01&to=2032-02-29&chart=SKR03")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("EXTF_Buchungsstapel_20320201_20320229.csv"))
                .extract()
                .asByteArray();

        // Kept for a person to look at (the closing note of #16 quotes it).
        java.nio.file.Files.write(java.nio.file.Path.of("target/datev-sample-EXTF_Buchungsstapel.csv"), file);
        // Windows-1252: "ü" of "Gegenkonto (ohne BU-Schlüssel)" is the single byte 0xFC, not UTF-8's C3 BC.
        assertThat(indexOf(file, new byte[] {(byte) 0xFC})).isPositive();
        assertThat(indexOf(file, new byte[] {(byte) 0xC3, (byte) 0xBC})).isNegative();
        String text = new String(file, ANSI);
        assertThat(text).endsWith("\r\n");
        String[] lines = text.split("\r\n");

        // Line 1: the header, 31 fields.
        List<String> header = fields(lines[0]);
        assertThat(header).hasSize(31);
        assertThat(header.subList(0, 5)).containsExactly("\"EXTF\"", "700", "21", "\"Buchungsstapel\"", "13");
        assertThat(header.get(5)).isEqualTo("20320302111112345"); // erzeugt am, seller's time (CET = UTC + 1)
        assertThat(header.get(7)).isEqualTo("\"RE\"");
        assertThat(header.subList(10, 16)).containsExactly("1001", "1", "20320101", "4", "20320201", "20320229");
        assertThat(header.get(16)).isEqualTo("\"Kontor 20320201-20320229\""); // Bezeichnung: 30 characters at most
        assertThat(header.get(17)).isEqualTo("\"KO\"");
        assertThat(header.subList(18, 22)).containsExactly("1", "0", "0", "\"EUR\"");
        assertThat(header.get(26)).isEqualTo("\"03\"");

        // Line 2: the 125 column names of format version 13.
        List<String> columns = fields(lines[1]);
        assertThat(columns).hasSize(125);
        assertThat(columns.subList(0, 14))
                .containsExactly(
                        "Umsatz (ohne Soll/Haben-Kz)",
                        "Soll/Haben-Kennzeichen",
                        "WKZ Umsatz",
                        "Kurs",
                        "Basis-Umsatz",
                        "WKZ Basis-Umsatz",
                        "Konto",
                        "Gegenkonto (ohne BU-Schlüssel)",
                        "BU-Schlüssel",
                        "Belegdatum",
                        "Belegfeld 1",
                        "Belegfeld 2",
                        "Skonto",
                        "Buchungstext");
        assertThat(columns.get(19)).isEqualTo("Beleglink");
        assertThat(columns.get(39)).isEqualTo("EU-Land u. UStID (Bestimmung)");
        assertThat(columns.get(114)).isEqualTo("Leistungsdatum");
        assertThat(columns.get(117)).isEqualTo("Generalumkehr (GU)");

        // The bookings of our invoices, by Belegfeld 1.
        Map<String, List<List<String>>> byDocument = new HashMap<>();
        for (int i = 2; i < lines.length; i++) {
            List<String> row = fields(lines[i]);
            assertThat(row).as("line %d", i + 1).hasSize(125);
            byDocument
                    .computeIfAbsent(unquote(row.get(10)), k -> new ArrayList<>())
                    .add(row);
        }

        // amount | S/H | WKZ | Konto | Gegenkonto | BU | Belegdatum | EU VAT id | hand reasoning
        List<List<String>> domesticRows = byDocument.get(numbers.get("domestic"));
        assertThat(domesticRows).hasSize(3);
        // 1000.00 + 19 % = 1190.00 to 8400 (Erlöse 19 %, automatic), 100.00 + 7 % = 107.00 to 8300 (Erlöse 7 %).
        assertBooking(domesticRows.get(0), "1190,00", "10000", "8400", "0302", "", invoices.get("domestic"));
        assertBooking(domesticRows.get(1), "107,00", "10000", "8300", "0302", "", invoices.get("domestic"));
        // Money received 20 February: bank 1200 to the debtor.
        List<String> payment = domesticRows.get(2);
        assertThat(payment.subList(0, 10))
                .containsExactly("1297,00", "\"S\"", "\"EUR\"", "", "", "", "1200", "10000", "", "2002");
        assertThat(payment.get(13)).isEqualTo("\"Zahlung Kunde DE\"");
        assertThat(payment.get(19)).isEmpty();
        // §13b UStG: the recipient owes the VAT; 300.00 net = gross to 8337, no VAT id in the ZM.
        assertBooking(only(byDocument, numbers.get("13b")), "300,00", "10000", "8337", "0302", "", invoices.get("13b"));
        // §4 Nr. 1b, §6a UStG intra-EU supply: 8125, the buyer's VAT id for the ZM (§18a UStG).
        assertBooking(
                only(byDocument, numbers.get("igl")),
                "300,00",
                "10000",
                "8125",
                "0302",
                "ATU13585627",
                invoices.get("igl"));
        // §3a (2) UStG service to an EU business: 8336, VAT id for the ZM.
        assertBooking(
                only(byDocument, numbers.get("eu-service")),
                "300,00",
                "10000",
                "8336",
                "0302",
                "FR40303265045",
                invoices.get("eu-service"));
        // §4 Nr. 1a, §6 UStG export: 8120.
        assertBooking(
                only(byDocument, numbers.get("export")), "300,00", "10000", "8120", "0302", "", invoices.get("export"));
        // §3a (2) UStG service outside the EU, not taxable in Germany: 8338.
        assertBooking(
                only(byDocument, numbers.get("not-taxable")),
                "300,00",
                "10000",
                "8338",
                "0302",
                "",
                invoices.get("not-taxable"));
        // §4 Nr. 14 UStG exempt: 8100.
        assertBooking(only(byDocument, numbers.get("exempt")), "300,00", "10000", "8100", "0302", "", exempt);
        // Its cancellation on 21 February by credit note: the same booking, reversed (Generalumkehr 1).
        List<String> cancellation = only(byDocument, creditNote);
        assertThat(cancellation.subList(0, 10))
                .containsExactly("300,00", "\"S\"", "\"EUR\"", "", "", "", "10000", "8100", "", "2102");
        assertThat(cancellation.get(11)).isEmpty();
        assertThat(cancellation.get(13)).isEqualTo("\"Storno " + numbers.get("exempt") + " Kunde DE\"");
        assertThat(cancellation.get(117)).isEqualTo("\"1\"");

        // SKR04 maps the same bookings to its accounts: 4400, 4300 and the bank 1800.
        String skr04 = new String(
                asAccountant()
                        .get(API + "/datev/buchungsstapel?from=2032-02-01&to=2032-02-29&chart=SKR04")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                ANSI);
        assertThat(skr04.split("\r\n")[0]).contains(";\"04\";");
        assertThat(skr04).contains("1190,00;\"S\";\"EUR\";;;;10000;4400;;0302;\"" + numbers.get("domestic") + "\"");
        assertThat(skr04).contains("1297,00;\"S\";\"EUR\";;;;1800;10000;;2002;\"" + numbers.get("domestic") + "\"");

        // The zip: the same file and each invoice's frozen PDF under its Beleglink's GUID.
        byte[] zip = asAccountant()
                .get(API + "/datev/export?from=2032-02-01&to=2032-02-29")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKey("EXTF_Buchungsstapel_20320201_20320229.csv");
        for (String id : invoices.values()) {
            byte[] pdf = entries.get("Belege/" + id.toUpperCase() + ".pdf");
            assertThat(pdf).as("PDF of %s", id).isNotNull();
            assertThat(new String(pdf, 0, 5, ANSI)).isEqualTo("%PDF-");
        }
    }

    /**
     * A partial credit note (§17 (1) UStG: revenue and VAT are corrected in the period of the reduction) is booked like
     * a cancellation of what it credits: the revenue account of its rate to the debtor, reversed, on its own date and
     * number; its frozen PDF goes into the zip under its Beleglink.
     */
    @Test
    // 2038: a year of its own, as invoice numbers are gapless per year and other tests count on their year's first.
    void a_partial_credit_is_exported_as_the_reversed_booking_of_what_it_credits_with_its_pdf() throws IOException {
        clock.set(Instant.parse("2038-05-03T09:00:00Z"));
        String invoice = issue(
                customer(CustomerType.BUSINESS, "DE", "DE811907980"),
                line("Beratung", "1000.00", "19", "SERVICE", null));
        clock.set(Instant.parse("2038-05-10T09:00:00Z"));
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> credit = asAccountant()
                .body("{\"reason\":\"Preisminderung\",\"amounts\":[{\"vatRate\":19,\"netAmount\":100.00}]}")
                .post(API + "/invoices/" + invoice + "/credits")
                .then()
                .statusCode(201)
                .extract();
        String creditNumber = credit.path("creditNoteNumber");
        String creditId = credit.path("id");

        String text = new String(
                asAccountant()
                        .get(API + "/datev/buchungsstapel?from=2038-05-01&to=2038-05-31&chart=SKR03")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                ANSI);
        List<List<String>> rows = java.util.Arrays.stream(text.split("\r\n"))
                .map(DatevExportTest::fields)
                .filter(row -> row.size() > 10 && row.get(10).equals("\"" + creditNumber + "\""))
                .toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 10))
                .containsExactly("119,00", "\"S\"", "\"EUR\"", "", "", "", "10000", "8400", "", "1005");
        assertThat(rows.get(0).get(13)).isEqualTo("\"Storno " + number(invoice) + " Kunde DE\"");
        assertThat(rows.get(0).get(117)).isEqualTo("\"1\"");

        Map<String, byte[]> entries = unzip(asAccountant()
                .get(API + "/datev/export?from=2038-05-01&to=2038-05-31")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(entries).containsKey("Belege/" + creditId.toUpperCase() + ".pdf");
    }

    @Test
    void a_period_across_the_fiscal_year_or_an_unknown_chart_is_a_400_naming_the_field() {
        asAccountant()
                .get(API + "/datev/buchungsstapel?from=2032-12-01&to=2033-01-31")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
        asAccountant()
                .get(API + "/datev/buchungsstapel?from=2032-02-10&to=2032-02-01")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("to"));
        asAccountant()
                .get(API + "/datev/buchungsstapel?to=2032-02-01")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("from"));
        asAccountant()
                .get(API + "/datev/export?from=2032-02-01&to=2032-02-29&chart=SKR99")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("chart"));
    }

    private static void assertBooking(
            List<String> row,
            String amount,
            String account,
            String contra,
            String day,
            String vatId,
            String invoiceId) {
        assertThat(row.subList(0, 10))
                .containsExactly(amount, "\"S\"", "\"EUR\"", "", "", "", account, contra, "", day);
        assertThat(row.get(11)).isEqualTo("\"170232\""); // Belegfeld 2: due 17 February 2032 (TTMMJJ)
        assertThat(row.get(19)).isEqualTo("\"BEDI \"\"" + invoiceId.toUpperCase() + "\"\"\"");
        assertThat(row.get(39)).isEqualTo(vatId.isEmpty() ? "" : "\"" + vatId + "\"");
        assertThat(row.get(114)).isEqualTo("03022032");
        assertThat(row.get(117)).isEmpty();
    }

    private static List<String> only(Map<String, List<List<String>>> byDocument, String number) {
        assertThat(byDocument.get(number)).as("bookings of %s", number).hasSize(1);
        return byDocument.get(number).get(0);
    }

    /** Splits a line at the semicolons outside quotes (keeping the quotes, so the test sees the field as written). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String unquote(String field) {
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String line(String description, String price, String rate, String kind, String treatment) {
        String override = treatment == null
                ? ""
                : ",\"taxTreatment\":\"" + treatment + "\",\"taxReason\":\""
                        + (treatment.equals("EXEMPT")
                                ? "Heilbehandlung, §4 Nr. 14 UStG"
                                : "Bauleistung, §13b Abs. 2 Nr. 4 UStG")
                        + "\"";
        return "{\"description\":\"" + description + "\",\"quantity\":1,\"unitPrice\":" + price + ",\"vatRate\":" + rate
                + ",\"kind\":\"" + kind + "\"" + override + "}";
    }

    private static String issue(UUID customerId, String lines) {
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + lines + "]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAccountant().post(API + "/invoices/" + id + "/issue").then().statusCode(200);
        return id;
    }

    private static String number(String id) {
        return asAccountant().get(API + "/invoices/" + id).then().extract().path("invoiceNumber");
    }

    private UUID customer(CustomerType type, String country, String vatId) {
        UUID customerId = UUID.randomUUID();
        sales.send(new CustomerRegistered(
                customerId,
                "K-" + customerId.toString().substring(0, 8),
                "Kunde " + country,
                type,
                "rechnung@" + customerId.toString().substring(0, 8) + ".example",
                vatId,
                14,
                new Address("Hauptstraße 1", "1010", "Stadt", country),
                null));
        await().atMost(Duration.ofSeconds(30)).until(() -> SalesEvents.replicaHas(customerId));
        return customerId;
    }

    @SuppressWarnings("unused")
    private static String join(String... parts) {
        return String.join(",", Arrays.asList(parts));
    }
}
