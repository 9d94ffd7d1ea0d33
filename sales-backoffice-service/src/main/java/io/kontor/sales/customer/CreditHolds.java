package io.kontor.sales.customer;

import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the customer's credit hold in step with accounting's reports ({@link CreditStanding} decides). A change of the
 * hold is published as customer-updated, so the gateway and accounting's replica see it too.
 */
@ApplicationScoped
public class CreditHolds {

    private static final Logger LOG = Logger.getLogger(CreditHolds.class);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceOverdue(UUID customerId, UUID invoiceId, String invoiceNumber) {
        change(customerId, invoiceId, invoiceNumber, standing -> standing.invoiceOverdue(invoiceId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dunned(UUID customerId, UUID invoiceId, String invoiceNumber, int level) {
        change(customerId, invoiceId, invoiceNumber, standing -> standing.dunned(invoiceId, level));
    }

    /** Paid in full or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settled(UUID customerId, UUID invoiceId) {
        change(customerId, invoiceId, null, standing -> standing.settled(invoiceId));
    }

    /**
     * The customer row is locked first: the invoices of one customer arrive on different partitions (the record key is
     * the invoice), and two replicas settling the last two overdue invoices at once must not both keep the hold.
     */
    private void change(UUID customerId, UUID invoiceId, String invoiceNumber, UnaryOperator<CreditStanding> event) {
        Customer customer = Customer.<Customer>findByIdOptional(customerId, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        if (customer == null) {
            LOG.warnf(
                    "accounting reported invoice %s of customer %s, whom sales does not know; credit standing unchanged",
                    invoiceId, customerId);
            return;
        }
        List<OverdueInvoice> rows = OverdueInvoice.of(customerId);
        Map<UUID, Integer> levels =
                rows.stream().collect(Collectors.toMap(row -> row.invoiceId, row -> row.dunningLevel));
        CreditStanding after = event.apply(new CreditStanding(customer.creditHold, levels));

        Integer level = after.overdue().get(invoiceId);
        OverdueInvoice row = rows.stream()
                .filter(r -> r.invoiceId.equals(invoiceId))
                .findFirst()
                .orElse(null);
        if (level == null && row != null) {
            row.delete();
        } else if (level != null && row == null) {
            row = new OverdueInvoice();
            row.invoiceId = invoiceId;
            row.customerId = customerId;
            row.invoiceNumber = invoiceNumber;
            row.dunningLevel = level;
            row.reportedAt = calendar.now();
            row.persist();
        } else if (level != null) {
            row.dunningLevel = level;
        }

        if (after.onHold() != customer.creditHold) {
            customer.creditHold = after.onHold();
            customer.updatedAt = calendar.now();
            outbox.publish(customer.updated());
            LOG.infof("customer %s: credit hold %s", customer.customerNumber, after.onHold() ? "set" : "lifted");
        }
    }
}
