package io.kontor.accounting.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.accounting.payment.PaymentAllocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerBalanceTest {

    static final LocalDate TODAY = LocalDate.parse("2030-08-01");

    @Test
    void open_items_overdue_amount_highest_level_and_credit() {
        // RE-1: 119.00, due 2030-06-17, level 2 with 5.00 fee and 1.23 interest  -> 125.23 open, overdue
        // RE-2: 238.00, due 2030-07-06, 38.00 paid, level 1                       -> 200.00 open, overdue
        // RE-3: 357.00, due 2030-08-10                                            -> 357.00 open, not yet due
        // RE-4: paid; RE-5: cancelled                                             -> not open
        Invoice dunned = issued("RE-2030-000001", "100.00", "2030-06-17");
        dunned.dun(1, BigDecimal.ZERO, LocalDate.parse("2030-07-08"));
        dunned.chargeInterest(new BigDecimal("1.23"), LocalDate.parse("2030-07-22"));
        dunned.dun(2, new BigDecimal("5.00"), LocalDate.parse("2030-07-22"));
        Invoice partlyPaid = issued("RE-2030-000002", "200.00", "2030-07-06");
        partlyPaid.settle(
                new PaymentAllocation(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("38.00"), BigDecimal.ZERO));
        partlyPaid.dun(1, BigDecimal.ZERO, LocalDate.parse("2030-07-27"));
        Invoice notDue = issued("RE-2030-000003", "300.00", "2030-08-10");
        Invoice paid = issued("RE-2030-000004", "100.00", "2030-06-01");
        paid.settle(new PaymentAllocation(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("119.00"), BigDecimal.ZERO));
        Invoice cancelled = issued("RE-2030-000005", "100.00", "2030-06-01");
        cancelled.cancel("GS-2030-000001", LocalDate.parse("2030-06-02"), null);

        CustomerBalance balance = CustomerBalance.of(
                UUID.randomUUID(),
                "EUR",
                List.of(notDue, paid, partlyPaid, cancelled, dunned),
                new BigDecimal("10.50"),
                TODAY);

        assertThat(balance.openItems())
                .extracting(CustomerBalance.OpenItem::invoiceNumber)
                .containsExactly("RE-2030-000001", "RE-2030-000002", "RE-2030-000003");
        assertThat(balance.openItems())
                .extracting(CustomerBalance.OpenItem::totalOpen)
                .containsExactly(new BigDecimal("125.23"), new BigDecimal("200.00"), new BigDecimal("357.00"));
        assertThat(balance.openTotal()).isEqualTo(new BigDecimal("682.23"));
        assertThat(balance.overdueAmount()).isEqualTo(new BigDecimal("325.23"));
        assertThat(balance.highestDunningLevel()).isEqualTo(2);
        assertThat(balance.credit()).isEqualTo(new BigDecimal("10.50"));
        assertThat(balance.balance()).isEqualTo(new BigDecimal("671.73"));
    }

    @Test
    void a_customer_without_open_items_owes_nothing_and_may_have_credit() {
        CustomerBalance balance =
                CustomerBalance.of(UUID.randomUUID(), "EUR", List.of(), new BigDecimal("25.00"), TODAY);

        assertThat(balance.openItems()).isEmpty();
        assertThat(balance.openTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(balance.highestDunningLevel()).isZero();
        assertThat(balance.balance()).isEqualTo(new BigDecimal("-25.00"));
    }

    /** An invoice of {@code net} at 19 % VAT, issued so that it is due {@code dueDate} (14 days). */
    private static Invoice issued(String number, String net, String dueDate) {
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.MANUAL,
                UUID.randomUUID(),
                null,
                new Buyer(),
                14,
                "EUR",
                List.of(InvoiceLine.of(
                        null, "Leistung", BigDecimal.ONE, null, new BigDecimal(net), null, BigDecimal.valueOf(19))),
                Instant.parse("2030-06-01T00:00:00Z"));
        invoice.issue(number, LocalDate.parse(dueDate).minusDays(14));
        return invoice;
    }
}
