package io.kontor.accounting.report;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open items across customers, aged by days past due, as JSON and CSV. */
@QuarkusTest
class OpenItemsReportTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void open_items_are_listed_per_invoice_with_their_age_and_summed_per_bucket_and_customer() {
        UUID customer = sales.registerCustomer(
                "Offene Posten " + UUID.randomUUID().toString().substring(0, 6) + " GmbH", 14);
        // Issued 1 January 2034 (due 15 January), 1 March (due 15 March), 1 May (due 15 May), 20 June (due 4 July);
        // as of 30 June: 166, 107, 46 days past due and not yet due.
        Issued veryOld = issueOn("2034-01-01", customer, "100.00"); // 119.00
        Issued old = issueOn("2034-03-01", customer, "200.00"); // 238.00
        Issued recent = issueOn("2034-05-01", customer, "300.00"); // 357.00
        Issued notDue = issueOn("2034-06-20", customer, "400.00"); // 476.00
        clock.set(Instant.parse("2034-06-30T08:00:00Z"));
        asAccountant()
                .body("{\"invoiceNumber\":\"" + old.number() + "\",\"amount\":38.00,\"valueDate\":\"2034-06-30\"}")
                .post(API + "/payments")
                .then()
                .statusCode(201);

        JsonPath report = asAccountant()
                .get(API + "/reports/open-items")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getString("asOf")).isEqualTo("2034-06-30");
        List<Map<String, Object>> ours = report.getList("items.findAll { it.customerId == '" + customer + "' }");
        assertThat(ours)
                .extracting(
                        i -> i.get("invoiceNumber"),
                        i -> i.get("daysPastDue"),
                        i -> i.get("bucket"),
                        i -> i.get("total"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(veryOld.number(), 166, "OVER_90", 119.00f),
                        org.assertj.core.groups.Tuple.tuple(old.number(), 107, "OVER_90", 200.00f),
                        org.assertj.core.groups.Tuple.tuple(recent.number(), 46, "DAYS_31_60", 357.00f),
                        org.assertj.core.groups.Tuple.tuple(notDue.number(), 0, "NOT_DUE", 476.00f));
        Map<String, Object> totals = report.getMap("customers.find { it.customerId == '" + customer + "' }");
        assertThat(totals.get("total")).isEqualTo(1152.00f);
        assertThat((Map<String, Object>) totals.get("buckets"))
                .containsEntry("OVER_90", 319.00f)
                .containsEntry("DAYS_31_60", 357.00f)
                .containsEntry("DAYS_61_90", 0.00f)
                .containsEntry("DAYS_0_30", 0.00f)
                .containsEntry("NOT_DUE", 476.00f);
        assertThat(report.getFloat("totalOpen")).isGreaterThanOrEqualTo(1152.00f);

        String csv = asAccountant()
                .get(API + "/reports/open-items.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        try {
            // Kept for a person to look at (the closing note of #16 quotes it).
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/open-items-sample.csv"), csv);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/open-items-sample.json"), report.prettify());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "invoiceNumber,customerNumber,customerName,issueDate,dueDate,daysPastDue,bucket,dunningLevel,"
                                + "disputed,principal,fees,interest,total");
        assertThat(csv).contains(old.number() + ",");
        assertThat(csv).contains(",2034-03-01,2034-03-15,107,>90,0,false,200.00,0.00,0.00,200.00\r\n");
    }

    private Issued issueOn(String day, UUID customer, String price) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
        return Accounting.issue(customer, line("Beratung", "1", price, "19"));
    }
}
