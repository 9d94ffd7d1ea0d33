package io.kontor.accounting.offer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.document.PdfText;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.TermsVersion;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The invoice names the AGB version the customer accepted with the offer (offer-accepted's {@code terms}), so that the
 * terms a claim rests on are on the invoice too (§305 (2) BGB: the customer accepted exactly that wording).
 */
@QuarkusTest
class InvoiceTermsTest {

    @Inject
    SalesEvents sales;

    @Test
    void the_invoice_of_an_offer_accepted_under_agb_names_their_version() {
        UUID customerId = UUID.randomUUID();
        OfferAccepted plain = OfferAcceptedBillingTest.offer(
                customerId, io.kontor.platform.events.sales.BillingMode.ON_ACCEPTANCE, 14);
        OfferAccepted accepted = new OfferAccepted(
                plain.offerId(),
                plain.offerNumber(),
                plain.revision(),
                plain.customerId(),
                plain.customer(),
                plain.billing(),
                plain.currency(),
                plain.lines(),
                plain.netTotal(),
                plain.vatTotal(),
                plain.grossTotal(),
                plain.acceptedAt(),
                null,
                null,
                null,
                new TermsVersion(
                        UUID.randomUUID(),
                        "de",
                        3,
                        "Allgemeine Geschäftsbedingungen",
                        LocalDate.parse("2026-07-01"),
                        "9f".repeat(32)),
                "Erika Muster",
                null);

        sales.send(accepted);

        String invoiceId = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceOf(customerId), id -> id != null);
        byte[] pdf = given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .get("/api/v1/accounting/invoices/" + invoiceId + "/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(PdfText.withoutSpaces(pdf))
                .contains("AllgemeineGeschäftsbedingungeninderFassungVersion3vom01.07.2026");
    }

    private static String invoiceOf(UUID customerId) {
        List<String> ids = given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .queryParam("customerId", customerId)
                .get("/api/v1/accounting/invoices")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        return ids.isEmpty() ? null : ids.get(0);
    }
}
