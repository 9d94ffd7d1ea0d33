package io.kontor.accounting.balance;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerBalanceApiTest {

    @Inject
    SalesEvents sales;

    @Test
    void the_balance_lists_the_open_items_and_sets_the_credit_of_an_overpayment_against_them() {
        UUID customerId = sales.registerCustomer("Saldo GmbH", 14);
        Issued partlyPaid = Accounting.issue(customerId, line("Wartung", "1", "1000.00", "19"));
        Issued overpaid = Accounting.issue(customerId, line("Wartung", "1", "100.00", "19"));
        pay(partlyPaid.number(), "190.00");
        pay(overpaid.number(), "120.00");

        asAccountant()
                .when()
                .get(API + "/customers/" + customerId + "/balance")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(customerId.toString()))
                .body("openItems.invoiceNumber", contains(partlyPaid.number()))
                .body("openItems[0].totalOpen", equalTo(1000.00f))
                .body("openTotal", equalTo(1000.00f))
                .body("overdueAmount", equalTo(0.00f))
                .body("highestDunningLevel", equalTo(0))
                .body("credit", equalTo(1.00f))
                .body("balance", equalTo(999.00f));
    }

    @Test
    void the_balance_of_a_customer_accounting_never_heard_of_is_a_404() {
        asAccountant()
                .when()
                .get(API + "/customers/" + UUID.randomUUID() + "/balance")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static void pay(String invoiceNumber, String amount) {
        asAccountant()
                .body("{\"invoiceNumber\":\"" + invoiceNumber + "\",\"amount\":" + amount
                        + ",\"valueDate\":\"2030-07-01\"}")
                .when()
                .post(API + "/payments")
                .then()
                .statusCode(201);
    }
}
