package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dunning over a fixed calendar, for the tests that check its figures day by day: a customer known to the replica, an
 * invoice issued on a given day, and the notice a dunning run on a given day gives it (the clock set to that day).
 */
final class DunningCalendar {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What one dunning step gave an invoice; money at two decimals so that equals compares cents. */
    record Step(int level, BigDecimal fee, BigDecimal interest) {}

    private final SalesEvents sales;
    private final MutableClock clock;

    DunningCalendar(SalesEvents sales, MutableClock clock) {
        this.sales = sales;
        this.clock = clock;
    }

    static Step notice(int level, String fee, String interest) {
        return new Step(level, new BigDecimal(fee), new BigDecimal(interest));
    }

    /** A customer registered by sales (payment terms 14 days) and already in accounting's replica. */
    UUID customer(CustomerType type) {
        UUID customerId = UUID.randomUUID();
        sales.send(new CustomerRegistered(
                customerId,
                "K-" + customerId.toString().substring(0, 6),
                type + " Kunde",
                type,
                "kunde@example.org",
                type == CustomerType.BUSINESS ? "DE123456789" : null,
                14,
                SalesEvents.BERLIN));
        await().atMost(PATIENCE).until(() -> SalesEvents.replicaHas(customerId));
        return customerId;
    }

    /** An invoice of 1,000.00 net at 19 % (1,190.00 gross) issued on {@code day}. */
    Issued invoiceOn(String day, UUID customerId) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
        return Accounting.issue(customerId, line("Beratung", "10", "100.00", "19"));
    }

    /** Runs dunning as of {@code day} (with the clock on that day) and returns the notice the invoice got, or null. */
    Step noticeFor(Issued invoice, String day) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
        JsonPath result = asAccountant()
                .body("{\"asOf\":\"" + day + "\"}")
                .when()
                .post(API + "/dunning-runs")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(day))
                .extract()
                .jsonPath();
        List<Map<String, Object>> notices =
                result.getList("notices.findAll { it.invoiceNumber == '" + invoice.number() + "' }");
        assertThat(notices).hasSizeLessThanOrEqualTo(1);
        if (notices.isEmpty()) {
            return null;
        }
        Map<String, Object> notice = notices.get(0);
        return new Step((Integer) notice.get("level"), money(notice.get("fee")), money(notice.get("interest")));
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }
}
