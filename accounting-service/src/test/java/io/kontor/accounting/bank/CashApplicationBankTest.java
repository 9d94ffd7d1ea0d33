package io.kontor.accounting.bank;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.line;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bank statements as real camt.053 data brings them: EndToEndId, collective transfers (§366 BGB), short payments within
 * tolerance, returns (RvslInd, RtrInf), clearing entries that are no customer payment, reversal of an entry's booking
 * (GoBD), and statements of accounts that are not the company's.
 */
@QuarkusTest
class CashApplicationBankTest {

    private static final String OWN_IBAN = "DE02120300000000202051";

    @Inject
    SalesEvents sales;

    String run;
    UUID customerId;

    @BeforeEach
    void aCustomer() {
        run = UUID.randomUUID().toString().substring(0, 8);
        customerId = sales.registerCustomer("Bankkunde " + run + " GmbH", 14);
    }

    @Test
    void a_statement_of_an_account_that_is_not_the_companys_is_a_400_naming_the_iban_and_books_nothing() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19"));
        importStatement(new Statement("DE89370400440532013000").credit("119.00", a.number(), null, null))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Stmt.Acct.Id.IBAN"));
        invoiceOpen(a, 119.00f);
    }

    @Test
    void
            the_end_to_end_id_names_the_invoice_a_short_payment_within_tolerance_is_written_off_and_a_return_is_not_booked() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19")); // 119.00
        Issued b = Accounting.issue(customerId, line("Beratung", "1", "1000.00", "19")); // 1190.00
        Issued c = Accounting.issue(customerId, line("Beratung", "1", "200.00", "19")); // 238.00
        importStatement(new Statement(OWN_IBAN)
                        // The remittance says nothing useful; the EndToEndId carries the invoice number.
                        .credit("119.00", "Danke", a.number().replace("-", ""), null)
                        // 1190.00 - 1187.50 = 2.50 short: within 5.00 (bank charges) → written off.
                        .credit("1187.50", b.number(), null, null)
                        // A returned transfer (RtrInf): money coming back, not C's payment although it names C.
                        .credit("238.00", c.number(), null, "AC04"))
                .statusCode(200)
                .body("matched.invoiceNumber", contains(a.number(), b.number()))
                .body("matched.by", contains("END_TO_END_ID", "INVOICE_NUMBER"))
                .body("matched.invoiceStatus", contains("PAID", "PAID"))
                .body("matched[1].writtenOff", equalTo(2.50f))
                .body("returns", hasSize(1))
                .body("returns[0].reason", containsString("AC04"));
        invoiceOpen(b, 0.00f);
        invoiceOpen(c, 238.00f);
    }

    @Test
    void a_collective_transfer_naming_two_invoices_is_split_and_its_booking_can_be_reversed_once() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19")); // 119.00
        Issued b = Accounting.issue(customerId, line("Beratung", "1", "200.00", "19")); // 238.00
        // §366 (1) BGB: the payer names both; 300.00 pays A's 119.00 and 181.00 of B (57.00 left).
        String entryId = importStatement(new Statement(OWN_IBAN)
                        .credit("300.00", "Sammelzahlung " + a.number() + ", " + b.number(), null, null))
                .statusCode(200)
                .body("matched", hasSize(1))
                .body("matched[0].by", equalTo("INVOICE_NUMBERS"))
                .body("matched[0].invoiceNumber", equalTo(a.number() + ", " + b.number()))
                .extract()
                .path("matched[0].entryId");
        invoiceOpen(a, 0.00f);
        invoiceOpen(b, 57.00f);

        // Wrongly split (GoBD: reversed, not deleted): both payments are reversed, the entry is back in clearing.
        asAccountant()
                .body("{\"reason\":\"Zahlung eines anderen Kunden\"}")
                .post(API + "/bank-statements/entries/" + entryId + "/reverse")
                .then()
                .statusCode(200)
                .body("entryId", equalTo(entryId));
        invoiceOpen(a, 119.00f);
        invoiceOpen(b, 238.00f);
        asAccountant().get(API + "/bank-statements/clearing").then().body("items.entryId", hasItem(entryId));
        asAccountant()
                .body("{\"reason\":\"nochmal\"}")
                .post(API + "/bank-statements/entries/" + entryId + "/reverse")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        // By hand with amounts: 100.00 to B, 200.00 to A (119.00, the rest 81.00 is the customer's credit).
        asAccountant()
                .body("{\"allocations\":[{\"invoiceNumber\":\"" + b.number()
                        + "\",\"amount\":100.00},{\"invoiceNumber\":\"" + a.number() + "\",\"amount\":200.00}]}")
                .post(API + "/bank-statements/clearing/" + entryId + "/assign")
                .then()
                .statusCode(200)
                .body("by", equalTo("BY_HAND"));
        invoiceOpen(a, 0.00f);
        invoiceOpen(b, 138.00f);
        asAccountant().get(API + "/customers/" + customerId + "/credit").then().body("credit", equalTo(81.00f));
    }

    @Test
    void a_chargeback_reverses_the_booking_of_the_credit_it_takes_back_once() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19")); // 119.00
        String endToEnd = "E2E-" + run;
        String entryId = importStatement(new Statement(OWN_IBAN).credit("119.00", a.number(), endToEnd, null))
                .statusCode(200)
                .body("matched[0].invoiceStatus", equalTo("PAID"))
                .extract()
                .path("matched[0].entryId");
        invoiceOpen(a, 0.00f);

        // The payer's bank takes the 119.00 back (a debit with RtrInf, MD06): the payment is reversed, A owes again.
        Statement chargeback = new Statement(OWN_IBAN).debit("119.00", endToEnd, "MD06");
        importStatement(chargeback)
                .statusCode(200)
                .body("matched", hasSize(0))
                .body("returns", hasSize(1))
                .body("returns[0].reason", containsString(entryId));
        invoiceOpen(a, 119.00f);
        // The same statement again: known, nothing reversed twice.
        importStatement(chargeback).statusCode(200).body("alreadyImported", hasSize(1));
        invoiceOpen(a, 119.00f);
        asAccountant().get(API + "/bank-statements/clearing").then().body("items.entryId", not(hasItem(entryId)));
    }

    @Test
    void a_clearing_entry_marked_not_a_customer_payment_leaves_the_clearing_list() {
        String entryId = importStatement(new Statement(OWN_IBAN).credit("1500.00", "Umbuchung Tagesgeld", null, null))
                .statusCode(200)
                .body("unmatched", hasSize(1))
                .extract()
                .path("unmatched[0].entryId");
        asAccountant()
                .body("{\"reason\":\"Umbuchung vom Tagesgeldkonto\"}")
                .post(API + "/bank-statements/clearing/" + entryId + "/not-a-payment")
                .then()
                .statusCode(200);
        asAccountant().get(API + "/bank-statements/clearing").then().body("items.entryId", not(hasItem(entryId)));
        asAccountant()
                .body("{\"reason\":\"nochmal\"}")
                .post(API + "/bank-statements/clearing/" + entryId + "/not-a-payment")
                .then()
                .statusCode(409);
    }

    private static io.restassured.specification.RequestSpecification asAccountant() {
        return Accounting.asAccountant();
    }

    private static void invoiceOpen(Issued invoice, float total) {
        asAccountant()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("totalOpen", equalTo(total));
    }

    private static ValidatableResponse importStatement(Statement statement) {
        return given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType("application/xml")
                .body(statement.xml())
                .post(API + "/bank-statements")
                .then();
    }

    /** A camt.053.001.02 statement with booked credit entries. */
    private final class Statement {
        private final String iban;
        private final List<String> entries = new ArrayList<>();

        Statement(String iban) {
            this.iban = iban;
        }

        Statement credit(String amount, String remittance, String endToEndId, String returnReason) {
            int n = entries.size() + 1;
            entries.add("""
                    <Ntry>
                      <Amt Ccy="EUR">%s</Amt>
                      <CdtDbtInd>CRDT</CdtDbtInd>
                      <Sts>BOOK</Sts>
                      <BookgDt><Dt>2026-01-05</Dt></BookgDt>
                      <ValDt><Dt>2026-01-05</Dt></ValDt>
                      <AcctSvcrRef>%s-%d</AcctSvcrRef>
                      <NtryDtls><TxDtls>
                        <Refs><EndToEndId>%s</EndToEndId></Refs>
                        <RltdPties><Dbtr><Nm>Bankkunde %s GmbH</Nm></Dbtr></RltdPties>
                        <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                        %s
                      </TxDtls></NtryDtls>
                    </Ntry>
                    """.formatted(
                            amount,
                            run,
                            n,
                            endToEndId == null ? "NOTPROVIDED" : endToEndId,
                            run,
                            remittance,
                            returnReason == null ? "" : "<RtrInf><Rsn><Cd>" + returnReason + "</Cd></Rsn></RtrInf>"));
            return this;
        }

        Statement debit(String amount, String endToEndId, String returnReason) {
            int n = entries.size() + 1;
            entries.add("""
                    <Ntry>
                      <Amt Ccy="EUR">%s</Amt>
                      <CdtDbtInd>DBIT</CdtDbtInd>
                      <Sts>BOOK</Sts>
                      <BookgDt><Dt>2026-01-07</Dt></BookgDt>
                      <ValDt><Dt>2026-01-07</Dt></ValDt>
                      <AcctSvcrRef>%s-R%d</AcctSvcrRef>
                      <NtryDtls><TxDtls>
                        <Refs><EndToEndId>%s</EndToEndId></Refs>
                        <RtrInf><Rsn><Cd>%s</Cd></Rsn></RtrInf>
                      </TxDtls></NtryDtls>
                    </Ntry>
                    """.formatted(amount, run, n, endToEndId, returnReason));
            return this;
        }

        String xml() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                      <BkToCstmrStmt>
                        <GrpHdr><MsgId>M-%s</MsgId><CreDtTm>2026-01-05T06:00:00+01:00</CreDtTm></GrpHdr>
                        <Stmt>
                          <Id>S-%s</Id>
                          <CreDtTm>2026-01-05T06:00:00+01:00</CreDtTm>
                          <Acct><Id><IBAN>%s</IBAN></Id></Acct>
                          %s
                        </Stmt>
                      </BkToCstmrStmt>
                    </Document>
                    """.formatted(
                            run, run + UUID.randomUUID().toString().substring(0, 4), iban, String.join("", entries));
        }
    }
}
