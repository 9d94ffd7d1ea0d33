package io.kontor.sales.offer;

import io.kontor.platform.approval.ApprovalRequest;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.approval.ApprovedAct;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.security.CallerId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Four eyes on large discounts (issue #20): a draft whose highest discount (a line's, or the document discount as a
 * percentage of the lines' net sum) is above {@code kontor.approvals.offer-discount.above} percent is not sent but
 * waits PENDING_APPROVAL for a second person of sales (the platform's {@link Approvals}); approved it is
 * DISCOUNT_APPROVED and can be sent as it stands, rejected it is a DRAFT again. A binding offer (§145 BGB) at a price
 * the company did not mean to grant is what the second person prevents.
 */
@ApplicationScoped
public class OfferDiscountApproval implements ApprovedAct {

    public static final String ACT = "offer-discount";

    private static final Logger LOG = Logger.getLogger(OfferDiscountApproval.class);

    @Inject
    Approvals approvals;

    @Inject
    SecurityIdentity identity;

    @Override
    public String act() {
        return ACT;
    }

    /** The highest discount the offer grants, in percent. */
    static BigDecimal highestDiscount(Offer offer) {
        BigDecimal highest = offer.lines.stream()
                .map(line -> line.discountPercent == null ? BigDecimal.ZERO : line.discountPercent)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        BigDecimal document = offer.discountPercent;
        if (document == null
                && offer.discountAmount != null
                && offer.linesNetTotal != null
                && offer.linesNetTotal.signum() > 0) {
            document = offer.discountAmount
                    .multiply(BigDecimal.valueOf(100))
                    .divide(offer.linesNetTotal, 2, RoundingMode.HALF_UP);
        }
        return document != null && document.compareTo(highest) > 0 ? document : highest;
    }

    /** Whether sending this draft needs a second person first. */
    boolean needed(Offer offer) {
        return offer.status == OfferStatus.DRAFT && approvals.needed(ACT, highestDiscount(offer));
    }

    /** Holds the draft PENDING_APPROVAL and asks for approval, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void request(Offer offer) {
        BigDecimal discount = highestDiscount(offer).setScale(2, RoundingMode.HALF_UP);
        offer.requireTransition(OfferStatus.PENDING_APPROVAL, "held for approval");
        offer.status = OfferStatus.PENDING_APPROVAL;
        approvals.request(new ApprovalRequest(
                ACT,
                "offer",
                offer.id.toString(),
                discount,
                "%",
                "Send offer " + offer.offerNumber + " (revision " + offer.revision + ") with a discount of " + discount
                        + " % (" + offer.grossTotal + " " + offer.currency + " gross)",
                "/api/v1/sales/offers/" + offer.id,
                null,
                CallerId.of(identity)));
    }

    @Override
    public void approved(PendingAct act, ApprovalDecided decision) {
        decided(act, OfferStatus.DISCOUNT_APPROVED);
    }

    @Override
    public void rejected(PendingAct act, ApprovalDecided decision) {
        decided(act, OfferStatus.DRAFT);
    }

    private static void decided(PendingAct act, OfferStatus next) {
        Offer offer = Offer.findById(UUID.fromString(act.subjectId()), LockModeType.PESSIMISTIC_WRITE);
        if (offer == null || offer.status != OfferStatus.PENDING_APPROVAL) {
            LOG.infof(
                    "decision on the discount of offer %s ignored: it is %s",
                    act.subjectId(), offer == null ? "unknown" : offer.status);
            return;
        }
        offer.status = next;
    }
}
