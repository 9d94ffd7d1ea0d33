package io.kontor.accounting.tax;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.document.EInvoiceValidation;
import io.kontor.accounting.document.PdfText;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.TaxTreatment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/** Tax treatments through accounting's API: manual invoices, invoices of accepted offers, their documents. */
@QuarkusTest
class InvoiceTaxTreatmentApiTest {

    @Inject
    SalesEvents sales;

    @ParameterizedTest(name = "{0} customer in {1} (VAT id {2}), {3}, set {4}: {5}, and a valid XRechnung")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "BUSINESS | DE | DE811907980   | SERVICE | -                  | DOMESTIC",
                "BUSINESS | DE | DE811907980   | SERVICE | REVERSE_CHARGE_13B | REVERSE_CHARGE_13B",
                "BUSINESS | AT | ATU13585627   | GOODS   | -                  | INTRA_EU_SUPPLY",
                "BUSINESS | FR | FR40303265045 | SERVICE | -                  | EU_B2B_SERVICE",
                "CONSUMER | US | -             | GOODS   | -                  | EXPORT",
                "BUSINESS | CH | -             | SERVICE | -                  | NOT_TAXABLE_IN_DE",
                "CONSUMER | DE | -             | SERVICE | EXEMPT             | EXEMPT",
            })
    void a_manual_invoice_gets_its_treatment_and_a_valid_xrechnung_and_zugferd_xml(
            CustomerType type, String country, String vatId, String kind, TaxTreatment set, TaxTreatment expected) {
        UUID customerId = customer(type, country, vatId, null);
        String override = set == null
                ? ""
                : ",\"taxTreatment\":\"" + set + "\",\"taxReason\":\""
                        + (set == TaxTreatment.EXEMPT
                                ? "Heilbehandlung, §4 Nr. 14 UStG"
                                : "Bauleistung, §13b Abs. 2 Nr. 4 UStG")
                        + "\"";
        JsonPath draft = json(asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"serviceFrom\":\"2030-05-02\",\"lines\":["
                        + "{\"description\":\"Leistung\",\"quantity\":2,\"unitPrice\":150.00,\"vatRate\":19,\"kind\":\""
                        + kind + "\"" + override + "}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        assertThat(draft.getString("lines[0].taxTreatment")).isEqualTo(expected.name());
        assertThat(draft.getString("vatTotal")).isEqualTo(expected == TaxTreatment.DOMESTIC ? "57.00" : "0.00");

        String id = draft.getString("id");
        String number = asAccountant()
                .post(API + "/invoices/" + id + "/issue")
                .then()
                .statusCode(200)
                .body("serviceFrom", equalTo("2030-05-02"))
                .extract()
                .path("invoiceNumber");
        byte[] xml = asAccountant()
                .accept("application/xml")
                .get(API + "/invoices/" + id + "/xrechnung")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        EInvoiceValidation.assertValid(xml, number + ".xml");
        byte[] zugferd = asAccountant()
                .accept("application/xml")
                .get(API + "/invoices/" + id + "/zugferd")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(zugferd, number + "-factur-x.xml");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        byte[] pdf = asAccountant()
                .accept("application/pdf")
                .get(API + "/invoices/" + id + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(PdfText.withoutSpaces(pdf)).contains("Leistungsdatum:02.05.2030");
        if (expected != TaxTreatment.DOMESTIC) {
            String reason = set == TaxTreatment.EXEMPT ? "Heilbehandlung, §4 Nr. 14 UStG" : null;
            assertThat(PdfText.withoutSpaces(pdf)).contains(PdfText.squeezed(expected.legalNote(reason)));
        }
    }

    @Test
    void an_exemption_without_its_reason_is_refused_and_no_invoice_is_stored_14_4_Nr_8_UStG() {
        UUID customerId = customer(CustomerType.CONSUMER, "DE", null, null);

        asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[{\"description\":\"Therapie\","
                        + "\"quantity\":1,\"unitPrice\":60,\"vatRate\":19,\"taxTreatment\":\"EXEMPT\"}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].taxReason"));
        assertThat(invoicesOf(customerId)).isZero();
    }

    @Test
    void a_service_period_that_ends_before_it_starts_is_refused_14_4_Nr_6_UStG() {
        UUID customerId = customer(CustomerType.BUSINESS, "DE", "DE811907980", null);

        asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"serviceFrom\":\"2030-05-10\","
                        + "\"serviceUntil\":\"2030-05-01\",\"lines\":[{\"description\":\"Beratung\","
                        + "\"quantity\":1,\"unitPrice\":60,\"vatRate\":19}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("serviceUntil"));
        assertThat(invoicesOf(customerId)).isZero();
    }

    @Test
    void intra_community_supply_needs_the_customers_vat_id_6a_1_Nr_4_UStG() {
        UUID customerId = customer(CustomerType.BUSINESS, "AT", null, null);

        asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[{\"description\":\"Maschine\","
                        + "\"quantity\":1,\"unitPrice\":6000,\"vatRate\":19,\"kind\":\"GOODS\","
                        + "\"taxTreatment\":\"INTRA_EU_SUPPLY\",\"taxReason\":\"Lieferung nach Wien\"}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("lines[0].taxTreatment"));
    }

    @Test
    void a_draft_whose_customer_lost_the_vat_id_is_not_issued_with_reverse_charge_14a_5_UStG() {
        UUID customerId = customer(CustomerType.BUSINESS, "FR", "FR40303265045", null);
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[{\"description\":\"Beratung\","
                        + "\"quantity\":1,\"unitPrice\":100,\"vatRate\":19}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .body("lines[0].taxTreatment", equalTo("EU_B2B_SERVICE"))
                .extract()
                .path("id");
        sales.send(new io.kontor.platform.events.sales.CustomerUpdated(
                customerId,
                "K-" + customerId.toString().substring(0, 8),
                "Kunde FR",
                CustomerType.BUSINESS,
                "rechnung@kunde.example",
                null,
                14,
                new Address("Hauptstraße 1", "1010", "Stadt", "FR"),
                false));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() ->
                                io.kontor.accounting.customer.Customer.<io.kontor.accounting.customer.Customer>findById(
                                                        customerId)
                                                .vatId
                                        == null));

        asAccountant()
                .post(API + "/invoices/" + id + "/issue")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void a_public_buyers_leitweg_id_is_the_buyer_reference_BT_10() {
        UUID customerId = customer(CustomerType.BUSINESS, "DE", "DE811907980", "04011000-1234512345-06");
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"purchaseOrderReference\":\"B-77\",\"lines\":["
                        + "{\"description\":\"Beratung\",\"quantity\":1,\"unitPrice\":100,\"vatRate\":19}]}")
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAccountant().post(API + "/invoices/" + id + "/issue").then().statusCode(200);

        String xml = asAccountant()
                .accept("application/xml")
                .get(API + "/invoices/" + id + "/xrechnung")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(xml)
                .contains("<ram:BuyerReference>04011000-1234512345-06</ram:BuyerReference>")
                .contains("<ram:IssuerAssignedID>B-77</ram:IssuerAssignedID>");
    }

    @Test
    void an_offer_accepted_by_a_french_business_is_invoiced_with_reverse_charge_and_its_service_period_3a_2_UStG() {
        UUID customerId = UUID.randomUUID();
        CustomerSnapshot customer = new CustomerSnapshot(
                "K-FR-1",
                "Conseil Lyonnais SA",
                CustomerType.BUSINESS,
                "factures@conseil.example",
                "FR40303265045",
                30,
                new Address("1 Rue de la République", "69001", "Lyon", "FR"),
                null);
        OfferAccepted accepted = new OfferAccepted(
                UUID.randomUUID(),
                "AN-2030-000009",
                1,
                customerId,
                customer,
                BillingMode.ON_ACCEPTANCE,
                "EUR",
                List.of(new OfferLine(
                        "CONSULTING",
                        "Beratung",
                        new BigDecimal("4"),
                        "h",
                        new BigDecimal("150.00"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("600.00"),
                        TaxTreatment.EU_B2B_SERVICE,
                        null,
                        false,
                        null)),
                new BigDecimal("600.00"),
                new BigDecimal("0.00"),
                new BigDecimal("600.00"),
                Instant.now(),
                "PO-4711",
                LocalDate.parse("2030-03-01"),
                LocalDate.parse("2030-03-31"),
                null,
                null,
                null);

        sales.send(accepted);

        JsonPath invoice = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(asAccountant()
                                .queryParam("customerId", customerId)
                                .get(API + "/invoices")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        page -> page.getList("items").size() == 1);
        assertThat(invoice.getString("items[0].lines[0].taxTreatment")).isEqualTo("EU_B2B_SERVICE");
        assertThat(invoice.getString("items[0].grossTotal")).isEqualTo("600.00");
        assertThat(invoice.getString("items[0].serviceFrom")).isEqualTo("2030-03-01");
        assertThat(invoice.getString("items[0].serviceUntil")).isEqualTo("2030-03-31");
        assertThat(invoice.getString("items[0].purchaseOrderReference")).isEqualTo("PO-4711");

        byte[] xml = asAccountant()
                .accept("application/xml")
                .get(API + "/invoices/" + invoice.getString("items[0].id") + "/xrechnung")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml, "offer.xml");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<ram:CategoryCode>AE</ram:CategoryCode>")
                .contains("FR40303265045");
    }

    private static JsonPath json(String body) {
        return new JsonPath(body)
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private UUID customer(CustomerType type, String country, String vatId, String buyerReference) {
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
                buyerReference));
        await().atMost(Duration.ofSeconds(30)).until(() -> SalesEvents.replicaHas(customerId));
        return customerId;
    }

    private static long invoicesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.kontor.accounting.invoice.Invoice.count("customerId", customerId));
    }
}
