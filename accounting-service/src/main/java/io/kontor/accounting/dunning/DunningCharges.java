package io.kontor.accounting.dunning;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What dunning charged an invoice, as of a payment's value date. Payments call it, with the invoice locked, before they
 * allocate ({@code payment.PaymentPosting}).
 */
@ApplicationScoped
public class DunningCharges {

    private static final Logger LOG = Logger.getLogger(DunningCharges.class);

    @Inject
    DunningConfig config;

    @Inject
    BusinessCalendar calendar;

    /**
     * Before a payment is allocated: notices issued after its value date are unwound (the money had arrived; their fee
     * and interest are not owed, and the debtor was not in default for what was paid), then default interest is brought
     * up to the value date, so that the payment pays what was owed on that day first (§367 BGB) and interest runs on
     * only on what stays open (default ends with performance, §286 BGB).
     */
    public void bringUpTo(Invoice invoice, LocalDate valueDate) {
        unwindNoticesAfter(invoice, valueDate);
        if (invoice.interestAccruedUntil == null || !valueDate.isAfter(invoice.interestAccruedUntil)) {
            return;
        }
        DunningLadder ladder = DunningLadder.of(config);
        BigDecimal interest = DefaultInterest.on(
                invoice.openAmount(),
                invoice.interestAccruedUntil,
                valueDate,
                ladder.pointsAboveBaseRate(invoice.buyer.type),
                BaseRateTable.parse(config.baseRates()));
        invoice.chargeInterest(interest, valueDate);
    }

    private void unwindNoticesAfter(Invoice invoice, LocalDate valueDate) {
        if (invoice.dunningLevel == 0) {
            return;
        }
        List<DunningNotice> notices =
                DunningNotice.list("invoiceId = ?1 and unwoundOn is null order by level", invoice.id);
        List<DunningNotice> late = notices.stream()
                .filter(notice -> notice.issuedOn.isAfter(valueDate))
                .toList();
        if (late.isEmpty()) {
            return;
        }
        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        for (DunningNotice notice : late) {
            fees = fees.add(notice.fee);
            interest = interest.add(notice.interest);
            notice.unwoundOn = calendar.today();
        }
        invoice.feesCharged = invoice.feesCharged.subtract(fees);
        invoice.interestCharged = invoice.interestCharged.subtract(interest);
        // What was paid of the unwound fee or interest by a booking in between was not owed: it counts on the
        // principal.
        BigDecimal feesOverpaid = invoice.feesPaid.subtract(invoice.feesCharged).max(BigDecimal.ZERO);
        BigDecimal interestOverpaid =
                invoice.interestPaid.subtract(invoice.interestCharged).max(BigDecimal.ZERO);
        invoice.feesPaid = invoice.feesPaid.subtract(feesOverpaid);
        invoice.interestPaid = invoice.interestPaid.subtract(interestOverpaid);
        invoice.paidAmount = invoice.paidAmount.add(feesOverpaid).add(interestOverpaid);
        DunningNotice earliestLate = late.get(0);
        List<DunningNotice> kept = notices.stream()
                .filter(notice -> !notice.issuedOn.isAfter(valueDate))
                .toList();
        if (kept.isEmpty()) {
            invoice.dunningLevel = 0;
            invoice.lastDunningOn = null;
            invoice.defaultSince = null;
            invoice.interestAccruedUntil = null;
        } else {
            DunningNotice last = kept.get(kept.size() - 1);
            invoice.dunningLevel = last.level;
            invoice.lastDunningOn = last.issuedOn;
            invoice.interestAccruedUntil = earliestLate.interestFrom != null
                    ? earliestLate.interestFrom
                    : last.level == 1 && last.payBy != null ? last.payBy : last.issuedOn;
        }
        LOG.infof(
                "payment of value date %s on %s: notices %s unwound (%s fees, %s interest not owed), level now %d",
                valueDate,
                invoice.invoiceNumber,
                late.stream().map(notice -> notice.level).toList(),
                fees,
                interest,
                invoice.dunningLevel);
    }
}
