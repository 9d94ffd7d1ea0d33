package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After level 3: the data of an online Mahnantrag (§690 ZPO) and the hand-over to collection, which stops dunning.
 * Figures of DunningTest: 1190.00 principal, 40.00 flat fee (§288 (5) BGB), interest 1.34 + 4.69 = 6.03 up to 21 July
 * 2025 at base rate + 9 points (§288 (2) BGB); the level-3 notice of 21 July asks for payment by 31 July.
 */
@QuarkusTest
class CollectionTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_unpaid_level_3_claim_is_exported_for_the_court_and_once_handed_over_no_longer_dunned() {
        DunningCalendar calendar = new DunningCalendar(sales, clock);
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));
        Issued younger = calendar.invoiceOn("2025-07-01", calendar.customer(CustomerType.BUSINESS));
        calendar.noticeFor(invoice, "2025-06-23");
        calendar.noticeFor(invoice, "2025-07-07");
        calendar.noticeFor(invoice, "2025-07-21");

        clock.set(Instant.parse("2025-07-31T08:00:00Z"));
        assertThat(claimOf(invoice)).as("the deadline of level 3 is today").isNull();

        clock.set(Instant.parse("2025-08-01T08:00:00Z"));
        Map<String, Object> claim = claimOf(invoice);
        assertThat(claim)
                .containsEntry("invoiceNumber", invoice.number())
                .containsEntry("applicantName", "Kontor Demo GmbH")
                .containsEntry("respondentName", "BUSINESS Kunde")
                .containsEntry("respondentType", "BUSINESS")
                .containsEntry("respondentStreet", "Unter den Linden 1")
                .containsEntry("respondentPostalCode", "10117")
                .containsEntry("respondentCity", "Berlin")
                .containsEntry("invoiceDate", "2025-06-02")
                .containsEntry("principal", 1190.00f)
                .containsEntry("interestPointsAboveBaseRate", 9)
                .containsEntry("interestFrom", "2025-07-22")
                .containsEntry("interestReckoned", 6.03f)
                .containsEntry("dunningCosts", 40.00f)
                .containsEntry("totalClaimed", 1236.03f)
                .containsEntry("lastPayBy", "2025-07-31");
        String csv = asAccountant()
                .get(API + "/dunning/court-claims.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("invoiceId,applicantName,");
        assertThat(csv)
                .contains(invoice.number()
                        + ",2025-06-02,2025-06-16,1190.00,EUR,9,2025-07-22,1190.00,6.03,40.00,1236.03,3");

        // An invoice not at level 3 cannot be handed over.
        asAccountant()
                .body("{\"handedTo\":\"Amtsgericht Wedding (Mahngericht)\"}")
                .post(API + "/dunning/collection/" + younger.id())
                .then()
                .statusCode(409);
        asAccountant()
                .body("{\"handedTo\":\"Amtsgericht Wedding (Mahngericht)\",\"reference\":\"Az 25-1234567-0-1\"}")
                .post(API + "/dunning/collection/" + invoice.id())
                .then()
                .statusCode(200);
        asAccountant()
                .body("{\"handedTo\":\"Inkasso AG\"}")
                .post(API + "/dunning/collection/" + invoice.id())
                .then()
                .statusCode(409);
        assertThat(claimOf(invoice)).as("handed over: no longer listed").isNull();
        // The dunning run passes it over: no overdue report, no notice, whatever the day.
        assertThat(calendar.noticeFor(invoice, "2025-09-01")).isNull();
    }

    private static Map<String, Object> claimOf(Issued invoice) {
        List<Map<String, Object>> claims = asAccountant()
                .get(API + "/dunning/court-claims")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.invoiceNumber == '" + invoice.number() + "' }");
        return claims.isEmpty() ? null : claims.get(0);
    }
}
