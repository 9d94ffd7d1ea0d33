package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.ApprovalTest.approve;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.item;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.INVOICES;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.asClerk;
import static io.kontor.accounting.payables.SupplierInvoiceIntakeTest.uploadXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.platform.time.BusinessCalendar;
import io.kontor.testing.sepa.Pain001Schema;
import io.kontor.testing.sepa.SepaFacets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A payment run pays approved invoices due by a day by a SEPA credit transfer file (pain.001.001.09, checked against
 * the ISO 20022 definition), taking the cash discount where its deadline would pass; the bank statement's debits settle
 * them, once.
 */
@QuarkusTest
class PaymentRunTest {

    static final String RUNS = "/api/v1/accounting/payment-runs";

    @Inject
    BusinessCalendar calendar;

    @Test
    void a_run_pays_what_is_due_with_skonto_where_it_would_lapse_and_the_statement_settles_it_once() throws Exception {
        LocalDate today = calendar.today();
        String vatA = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String vatB = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        // A: issued 3 days ago, 2 % Skonto for 10 days (deadline in 7 days), due in 27 days.
        String a = uploadXml(
                        "alice",
                        cii(spec("Müller & Söhne " + vatA, vatA, "DE89370400440532013000", "A-1", today.minusDays(3))))
                .statusCode(201)
                .extract()
                .path("id");
        // B: issued 40 days ago, Skonto lapsed, due 10 days ago.
        String b = uploadXml(
                        "alice",
                        cii(spec("Lieferant " + vatB, vatB, "DE02100100100006820101", "B-1", today.minusDays(40))
                                .items(item("Kleinteile", "1", "100.00", "19"))))
                .statusCode(201)
                .extract()
                .path("id");
        approve("bob", a).statusCode(200);
        approve("bob", b).statusCode(200);

        JsonPath run = asClerk()
                .contentType("application/json")
                .body("{\"dueBy\":\"" + today.plusDays(7) + "\"}")
                .post(RUNS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        Map<String, Object> paidA = paid(run, a);
        Map<String, Object> paidB = paid(run, b);
        assertThat(paidA).containsEntry("skontoTaken", 24.87f).containsEntry("amount", 1218.63f);
        assertThat(paidB).containsEntry("skontoTaken", 0.0f).containsEntry("amount", 119.00f);

        String xml = asClerk()
                .get(RUNS + "/" + run.getString("id") + "/pain001")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Pain001Schema.validate(xml);
        SepaFacets.assertFacets(xml);
        assertThat(xml)
                .contains("<EndToEndId>" + paidA.get("endToEndId") + "</EndToEndId>")
                .contains("<InstdAmt Ccy=\"EUR\">1218.63</InstdAmt>")
                .contains("<IBAN>DE02120300000000202051</IBAN>")
                .contains("<Nm>Mueller + Soehne " + vatA + "</Nm>");
        asClerk().get(INVOICES + "/" + a).then().body("status", equalTo("IN_PAYMENT"));

        // Everything payable went into the run: a second one has nothing to pay and says so.
        asClerk()
                .contentType("application/json")
                .body("{\"dueBy\":\"" + today.plusDays(7) + "\"}")
                .post(RUNS)
                .then()
                .statusCode(409)
                .body("detail", containsString("nothing to pay"));

        String statement = camt053(
                today,
                List.of(
                        new Debit((String) paidA.get("endToEndId"), "1218.63"),
                        new Debit((String) paidB.get("endToEndId"), "119.00")));
        for (int i = 0; i < 2; i++) {
            asClerk()
                    .contentType("application/xml")
                    .body(statement)
                    .post("/api/v1/accounting/bank-statements")
                    .then()
                    .statusCode(200);
        }
        asClerk()
                .get(INVOICES + "/" + a)
                .then()
                .body("status", equalTo("PAID"))
                .body("paidAmount", equalTo(1218.63f))
                .body("paidOn", equalTo(today.toString()));
        asClerk().get(INVOICES + "/" + b).then().body("status", equalTo("PAID"));

        // Received, approved and paid, once each, on accounting.payables: paid once although imported twice.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(io.kontor.testing.TestKafka.readAll(
                                        "accounting.payables", java.time.Duration.ofMillis(300))
                                .stream()
                                .filter(r -> a.equals(r.key()))
                                .map(r -> io.kontor.testing.TestKafka.header(r, "ce_type"))
                                .toList())
                        .containsExactly(
                                "kontor.accounting.supplier-invoice-received.v1",
                                "kontor.accounting.supplier-invoice-approved.v1",
                                "kontor.accounting.supplier-invoice-paid.v1"));
    }

    @Test
    void a_debit_of_another_amount_than_the_transfer_settles_nothing() {
        LocalDate today = calendar.today();
        String vat = "DE" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String id = uploadXml(
                        "alice",
                        cii(spec("Lieferant " + vat, vat, "DE89370400440532013000", "C-1", today.minusDays(40))
                                .items(item("Kleinteile", "1", "50.00", "19"))))
                .statusCode(201)
                .extract()
                .path("id");
        approve("bob", id).statusCode(200);
        JsonPath run = asClerk()
                .contentType("application/json")
                .body("{\"dueBy\":\"" + today + "\"}")
                .post(RUNS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String endToEndId = (String) paid(run, id).get("endToEndId");
        asClerk()
                .contentType("application/xml")
                .body(camt053(today, List.of(new Debit(endToEndId, "59.00"))))
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200);
        asClerk().get(INVOICES + "/" + id).then().body("status", equalTo("IN_PAYMENT"));
    }

    @Test
    void a_run_needs_its_due_date_and_no_execution_date_in_the_past() {
        asClerk().contentType("application/json").body("{}").post(RUNS).then().statusCode(400);
        asClerk()
                .contentType("application/json")
                .body("{\"dueBy\":\"" + calendar.today() + "\",\"executionDate\":\""
                        + calendar.today().minusDays(1) + "\"}")
                .post(RUNS)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("executionDate"));
    }

    private static Map<String, Object> paid(JsonPath run, String invoiceId) {
        List<Map<String, Object>> invoices = run.getList("invoices");
        return invoices.stream()
                .filter(i -> invoiceId.equals(i.get("invoiceId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("invoice " + invoiceId + " not in the run: " + invoices));
    }

    record Debit(String endToEndId, String amount) {}

    /** Our account's statement with the transfers of the run as debits (camt.053.001.08, one entry each). */
    static String camt053(LocalDate day, List<Debit> debits) {
        String run = Long.toHexString(System.nanoTime());
        StringBuilder entries = new StringBuilder();
        int n = 0;
        for (Debit debit : debits) {
            n++;
            entries.append("<Ntry><NtryRef>")
                    .append(n)
                    .append("</NtryRef><Amt Ccy=\"EUR\">")
                    .append(debit.amount())
                    .append("</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                    .append(day)
                    .append("</Dt></BookgDt><ValDt><Dt>")
                    .append(day)
                    .append("</Dt></ValDt><AcctSvcrRef>")
                    .append(run)
                    .append("-D")
                    .append(n)
                    .append("</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd>"
                            + "</Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>")
                    .append(debit.endToEndId())
                    .append("</EndToEndId></Refs><Amt Ccy=\"EUR\">")
                    .append(debit.amount())
                    .append("</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>"
                + run + "</MsgId><CreDtTm>" + day + "T06:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>" + run
                + "</Id><CreDtTm>" + day + "T06:00:00+01:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN>"
                + "</Id></Acct><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt>"
                + "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>" + entries
                + "</Stmt></BkToCstmrStmt></Document>";
    }
}
