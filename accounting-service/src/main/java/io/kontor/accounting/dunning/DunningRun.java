package io.kontor.accounting.dunning;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.CustomerCredits;
import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.accounting.InvoiceOverdue;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves overdue invoices up the dunning ladder as of a day: reports each invoice overdue once, sends at most one notice
 * per invoice and run, and charges fees and default interest with it. Disputed invoices are passed over entirely (no
 * overdue report, no notice, no fee, no interest) until the dispute is resolved. A run for the same day again finds
 * nothing to do, so runs can be repeated and several replicas can run at once (rows are claimed with SKIP LOCKED, and
 * one notice per level and invoice is a database constraint).
 */
@ApplicationScoped
public class DunningRun {

    @Inject
    DunningNoticeMail noticeMail;

    private static final Logger LOG = Logger.getLogger(DunningRun.class);
    private static final int BATCH = 500;
    /** Below every other UUID in PostgreSQL's order. */
    private static final UUID FIRST = new UUID(0, 0);

    @Inject
    DunningConfig config;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager entityManager;

    @Inject
    CustomerCredits credits;

    /** What one run did. */
    public record Result(LocalDate asOf, int overdue, List<Notice> notices) {}

    /** One notice as the run reports it. */
    public record Notice(
            UUID invoiceId,
            String invoiceNumber,
            UUID customerId,
            int level,
            BigDecimal fee,
            BigDecimal interest,
            BigDecimal openAmount,
            BigDecimal totalOwed) {}

    public Result run(LocalDate asOf) {
        DunningLadder ladder = DunningLadder.of(config);
        BaseRateTable baseRates = BaseRateTable.parse(config.baseRates());
        List<Notice> notices = new ArrayList<>();
        int overdue = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> dunBatch(from, asOf, ladder, baseRates));
            notices.addAll(batch.notices());
            overdue += batch.newlyOverdue();
            if (batch.lastId() == null) {
                break;
            }
            after = batch.lastId();
        }
        LOG.infof("dunning run as of %s: %d invoices newly overdue, %d notices", asOf, overdue, notices.size());
        return new Result(asOf, overdue, List.copyOf(notices));
    }

    private record Batch(UUID lastId, int newlyOverdue, List<Notice> notices) {}

    /** One batch in one transaction, in id order (keyset paging, so the run's own changes do not shift the pages). */
    @SuppressWarnings("unchecked")
    private Batch dunBatch(UUID after, LocalDate asOf, DunningLadder ladder, BaseRateTable baseRates) {
        // The batch's invoice updates and notices are written at the commit, as JDBC batches (#23): under AUTO a query
        // within the batch (a customer's credit) would flush them one invoice at a time. What reads the table for this
        // transaction's own writes (the set-off of credit) flushes first.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        List<UUID> ids = entityManager
                .createNativeQuery("""
                select id from invoice
                where status in ('ISSUED', 'PARTIALLY_PAID') and due_date < ?1
                  and not disputed
                  and (dunning_level < 3 or not overdue_reported)
                  and not exists (select 1 from collection_handover h where h.invoice_id = invoice.id)
                  and id > ?2
                order by id
                limit ?3
                for update skip locked""", UUID.class)
                .setParameter(1, asOf)
                .setParameter(2, after == null ? FIRST : after)
                .setParameter(3, BATCH)
                .getResultList();
        if (ids.isEmpty()) {
            return new Batch(null, 0, List.of());
        }
        List<Invoice> invoices = Invoice.list("id in ?1", ids);
        // One query per batch for the customers that hold credit, rather than one per invoice.
        Set<UUID> withCredit = new HashSet<>(entityManager
                .createQuery(
                        "select c.customerId from CustomerCredit c where c.customerId in :customers"
                                + " group by c.customerId having sum(c.amount) > 0",
                        UUID.class)
                .setParameter(
                        "customers",
                        invoices.stream()
                                .map(invoice -> invoice.customerId)
                                .distinct()
                                .toList())
                .getResultList());
        int newlyOverdue = 0;
        List<Notice> notices = new ArrayList<>();
        for (Invoice invoice : invoices) {
            if (!invoice.overdueReported) {
                invoice.overdueReported = true;
                newlyOverdue++;
                outbox.publish(new InvoiceOverdue(
                        invoice.id,
                        invoice.invoiceNumber,
                        invoice.customerId,
                        invoice.dueDate,
                        invoice.openAmount(),
                        invoice.currency));
            }
            dun(invoice, asOf, ladder, baseRates, withCredit.contains(invoice.customerId))
                    .ifPresent(notices::add);
        }
        return new Batch(ids.get(ids.size() - 1), newlyOverdue, notices);
    }

    private Optional<Notice> dun(
            Invoice invoice, LocalDate asOf, DunningLadder ladder, BaseRateTable baseRates, boolean customerHasCredit) {
        Optional<Integer> next = ladder.nextLevel(
                invoice.dunningLevel, invoice.dueDate, invoice.lastDunningOn, invoice.disputeResolvedOn, asOf);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        // The customer's credit is money of theirs we hold: set off first (§387 BGB), dun only for what then remains.
        if (customerHasCredit) {
            credits.setOff(invoice, asOf);
            if (!invoice.status.isReceivable()) {
                return Optional.empty();
            }
        }
        int level = next.get();
        LocalDate interestFrom = invoice.interestAccruedUntil;
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        if (interestFrom != null && asOf.isAfter(interestFrom)) {
            interest = DefaultInterest.on(
                    invoice.openAmount(),
                    interestFrom,
                    asOf,
                    ladder.pointsAboveBaseRate(invoice.buyer.type),
                    baseRates);
            invoice.chargeInterest(interest, asOf);
        } else {
            // Not in default yet (the reminder's pay-by date has not passed): no interest, no period to show.
            interestFrom = null;
        }
        BigDecimal fee = ladder.feeOf(level, invoice.buyer.type);
        if (invoice.buyer.type == CustomerType.CONSUMER) {
            // §309 Nr. 5 BGB: from a consumer only the damage actually incurred (postage, printing), not a flat fee.
            fee = fee.min(config.consumerFeeCap());
        }
        LocalDate payBy = asOf.plusDays(config.noticePaymentDays());
        invoice.dun(level, fee, asOf, payBy);

        DunningNotice notice = new DunningNotice();
        notice.id = UUID.randomUUID();
        notice.invoiceId = invoice.id;
        notice.invoiceNumber = invoice.invoiceNumber;
        notice.customerId = invoice.customerId;
        notice.level = level;
        notice.issuedOn = asOf;
        notice.fee = fee;
        notice.interest = interest;
        notice.interestFrom = interestFrom;
        notice.interestTo = interestFrom == null ? null : asOf;
        notice.interestPoints = ladder.pointsAboveBaseRate(invoice.buyer.type);
        notice.payBy = payBy;
        notice.openPrincipal = invoice.openAmount();
        notice.totalOwed = invoice.openClaim().total();
        notice.currency = invoice.currency;
        notice.createdAt = calendar.now();
        notice.persist();
        noticeMail.send(invoice, notice);
        outbox.publish(new DunningNoticeIssued(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                level,
                fee,
                interest,
                notice.openPrincipal,
                invoice.currency,
                asOf));
        return Optional.of(new Notice(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                level,
                fee,
                interest,
                notice.openPrincipal,
                notice.totalOwed));
    }
}
