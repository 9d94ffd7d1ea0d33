package io.kontor.systemtests;

import static io.kontor.systemtests.SystemTest.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The business steps the flow tests share, each through the gateway as a front-office system or a middle-office user
 * takes it: register a customer, list a product, have an offer accepted, find what accounting made of it, and a bank's
 * camt.053 statement to pay with.
 */
final class FlowSteps {

    /**
     * Events cross Kafka within a second on an idle machine; a shared 2-core machine running nine JVMs needs far more.
     */
    static final Duration EVENT_DELIVERY = Duration.ofSeconds(90);

    /** Where every service keeps its calendar (kontor.time-zone, BusinessCalendar). */
    static final String LEGAL_REVIEWS = "/api/v1/legal/reviews";

    static final ZoneId SELLERS_ZONE = ZoneId.of("Europe/Berlin");

    private FlowSteps() {}

    /** A business customer in sales, paying within {@code paymentTermDays}; answers its id. */
    static String registerCustomer(String name, int paymentTermDays) {
        return asAdmin()
                .body("""
                        {"name": "%s", "type": "BUSINESS", "email": "einkauf@%s.example", "paymentTermDays": %d,
                         "billingAddress": {"street": "Speicherstadt 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                        """.formatted(name, UUID.randomUUID().toString().substring(0, 8), paymentTermDays))
                .post("/api/v1/sales/customers")
                .then()
                .statusCode(201)
                .body("customerNumber", notNullValue())
                .body("creditHold", equalTo(false))
                .extract()
                .path("id");
    }

    static String registerCustomer(String name) {
        return registerCustomer(name, 14);
    }

    /** A product at 19 % VAT with a SKU of its own; answers the SKU. */
    static String listProduct(String name, String unitPrice) {
        String sku = "SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        asAdmin()
                .body("""
                        {"sku": "%s", "name": "%s", "unitPrice": %s, "vatRate": 19, "unit": "day"}
                        """.formatted(sku, name, unitPrice))
                .post("/api/v1/sales/products")
                .then()
                .statusCode(201);
        return sku;
    }

    /** A draft offer of {@code quantity} of {@code sku}; the answer, with id and totals. */
    static Response draftOffer(String customerId, String sku, int quantity, String billing) {
        return asAdmin().body("""
                        {"customerId": "%s", "lines": [{"sku": "%s", "quantity": %d}], "billing": "%s"}
                        """.formatted(customerId, sku, quantity, billing)).post("/api/v1/sales/offers");
    }

    /** An offer drafted, sent and accepted by the customer; answers its id. */
    static String acceptedOffer(String customerId, String sku, int quantity, String billing) {
        String offerId = draftOffer(customerId, sku, quantity, billing)
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
        asAdmin()
                .post("/api/v1/sales/offers/{id}/send", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        asAdmin()
                .post("/api/v1/sales/offers/{id}/accept", offerId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        return offerId;
    }

    static Map<String, Object> offer(String offerId) {
        return asAdmin()
                .get("/api/v1/sales/offers/{id}", offerId)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    static Map<String, Object> salesCustomer(String customerId) {
        return asAdmin()
                .get("/api/v1/sales/customers/{id}", customerId)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    static Map<String, Object> invoice(String invoiceId) {
        return asAdmin()
                .get("/api/v1/accounting/invoices/{id}", invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    /** Accounting's invoices of the customer that bill the offer. */
    static List<Map<String, Object>> invoicesFor(String customerId, String offerId) {
        List<Map<String, Object>> invoices = asAdmin()
                .queryParam("customerId", customerId)
                .queryParam("size", 200)
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return invoices.stream()
                .filter(invoice -> offerId.equals(invoice.get("offerId")))
                .toList();
    }

    /** The one invoice accounting issues for an offer billed on acceptance, once it has. */
    static Map<String, Object> awaitInvoiceFor(String customerId, String offerId) {
        return await("the invoice for offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> !invoices.isEmpty())
                .get(0);
    }

    /** Legal's review of the offer, once sales has asked for one (its id). */
    static String awaitReviewOf(String offerId) {
        return await("legal's review of offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> asAdmin()
                                .queryParam("offerId", offerId)
                                .get(LEGAL_REVIEWS)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items.id"),
                        ids -> !ids.isEmpty())
                .get(0);
    }

    /** Waits until sales shows the offer in this status (a review's outcome arrives as an event). */
    static void awaitOfferStatus(String offerId, String status) {
        await("offer " + offerId + " " + status)
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat(asAdmin()
                                .get("/api/v1/sales/offers/{id}", offerId)
                                .then()
                                .extract()
                                .<String>path("status"))
                        .isEqualTo(status));
    }

    /** Project-office's project for the accepted offer, once it has one. */
    static Map<String, Object> awaitProjectFor(String customerId, String offerId) {
        return await("the project for offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> {
                            List<Map<String, Object>> projects = asAdmin()
                                    .queryParam("customerId", customerId)
                                    .get("/api/v1/projects")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("items");
                            return projects.stream()
                                    .filter(project -> offerId.equals(project.get("offerId")))
                                    .toList();
                        },
                        projects -> projects.size() == 1)
                .get(0);
    }

    /**
     * Moves the services' calendar forward until their today (in the sellers' zone, Europe/Berlin) is {@code day}:
     * weeks pass at once for dunning. Later dates only; {@link SystemTest} gives the platform its real time back after
     * each test, so that the next one starts on today.
     */
    static void advance(LocalDate day) {
        long days = ChronoUnit.DAYS.between(LocalDate.now(SELLERS_ZONE), day);
        if (days > SystemTest.platform.clockShift().toDays()) {
            SystemTest.platform.shiftClock(Duration.ofDays(days));
        }
    }

    static BigDecimal money(Object amount) {
        return (BigDecimal) amount;
    }

    /**
     * A bank statement as German banks deliver it, ISO 20022 camt.053.001.02 (DK), with one booked credit entry per
     * {@link #credit}; each entry has a bank reference of its own, so a statement is new to accounting every time.
     */
    static final class Camt053 {

        private final String iban;
        private final List<String> entries = new ArrayList<>();
        private final String run = UUID.randomUUID().toString().substring(0, 12);

        private Camt053(String iban) {
            this.iban = iban;
        }

        /** A statement of the seller's account (the company profile's kontor.company.iban). */
        static Camt053 ofSellersAccount() {
            return new Camt053("DE02120300000000202051");
        }

        /** Money received on {@code valueDate} from {@code payer}, with {@code remittance} as the unstructured text. */
        Camt053 credit(BigDecimal amount, LocalDate valueDate, String payer, String remittance) {
            return entry(
                    "CRDT",
                    "RCDT",
                    amount,
                    valueDate,
                    "NOTPROVIDED",
                    "<Dbtr><Nm>" + escape(payer) + "</Nm></Dbtr>",
                    "\n                    <RmtInf><Ustrd>" + escape(remittance) + "</Ustrd></RmtInf>");
        }

        /**
         * A transfer of ours booked on {@code valueDate}, as the bank reports the credit transfers of a pain.001 file:
         * the creditor and the EndToEndId the file gave it.
         */
        Camt053 debit(BigDecimal amount, LocalDate valueDate, String creditor, String endToEndId) {
            return entry(
                    "DBIT",
                    "ICDT",
                    amount,
                    valueDate,
                    escape(endToEndId),
                    "<Cdtr><Nm>" + escape(creditor) + "</Nm></Cdtr>",
                    "");
        }

        /** One booked entry: credit or debit, its bank transaction family, the party and what the transfer said. */
        private Camt053 entry(
                String direction,
                String family,
                BigDecimal amount,
                LocalDate valueDate,
                String endToEndId,
                String party,
                String remittance) {
            int number = entries.size() + 1;
            entries.add("""
                          <Ntry>
                            <NtryRef>%d</NtryRef>
                            <Amt Ccy="EUR">%s</Amt>
                            <CdtDbtInd>%s</CdtDbtInd>
                            <Sts>BOOK</Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>%s-%d</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>%s</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls>
                              <TxDtls>
                                <Refs><EndToEndId>%s</EndToEndId></Refs>
                                <RltdPties>%s</RltdPties>%s
                              </TxDtls>
                            </NtryDtls>
                          </Ntry>
                    """.formatted(
                            number,
                            amount.setScale(2).toPlainString(),
                            direction,
                            valueDate,
                            valueDate,
                            run,
                            number,
                            family,
                            endToEndId,
                            party,
                            remittance));
            return this;
        }

        String xml() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                      <BkToCstmrStmt>
                        <GrpHdr><MsgId>STMT-%s</MsgId><CreDtTm>2026-01-01T06:00:00+01:00</CreDtTm></GrpHdr>
                        <Stmt>
                          <Id>%s-1</Id>
                          <CreDtTm>2026-01-01T06:00:00+01:00</CreDtTm>
                          <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                          <Bal>
                            <Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp>
                            <Amt Ccy="EUR">0.00</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Dt><Dt>2026-01-01</Dt></Dt>
                          </Bal>
                    %s    </Stmt>
                      </BkToCstmrStmt>
                    </Document>
                    """.formatted(run, run, iban, String.join("", entries));
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }
}
