package io.kontor.accounting.document;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The buyer's name and address are part of the invoice (§14 (4) Nr. 1 UStG) as issued: a customer who moves later
 * changes no issued invoice, neither its data nor its stored documents (§14b UStG, GoBD), only the invoices after it.
 */
@QuarkusTest
class AddressSnapshotTest {

    @Inject
    SalesEvents sales;

    @Test
    void a_customer_who_moves_after_the_invoice_changes_neither_the_invoice_nor_its_documents() {
        UUID customerId = sales.registerCustomer("Umzug GmbH", 14);
        Issued before = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19"));
        String pdfHash = hash(before, "pdf");
        String xmlHash = hash(before, "xrechnung");

        sales.send(new CustomerUpdated(
                customerId,
                "K-" + customerId.toString().substring(0, 8),
                "Umzug GmbH & Co. KG",
                CustomerType.BUSINESS,
                "neu@umzug.example",
                "DE123456789",
                14,
                new Address("Marienplatz 1", "80331", "München", "DE"),
                false));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> asAccountant()
                        .when()
                        .get(API + "/customers/" + customerId)
                        .then()
                        .body("billingAddress.city", equalTo("München")));

        asAccountant()
                .when()
                .get(API + "/invoices/" + before.id())
                .then()
                .statusCode(200)
                .body("buyer.name", equalTo("Umzug GmbH"))
                .body("buyer.address.street", equalTo("Unter den Linden 1"))
                .body("buyer.address.city", equalTo("Berlin"));
        assertThat(hash(before, "pdf")).isEqualTo(pdfHash);
        assertThat(hash(before, "xrechnung")).isEqualTo(xmlHash);
        Issued after = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19"));
        asAccountant()
                .when()
                .get(API + "/invoices/" + after.id())
                .then()
                .body("buyer.name", equalTo("Umzug GmbH & Co. KG"))
                .body("buyer.address.city", equalTo("München"));
    }

    private static String hash(Issued invoice, String document) {
        return asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/" + document)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");
    }
}
