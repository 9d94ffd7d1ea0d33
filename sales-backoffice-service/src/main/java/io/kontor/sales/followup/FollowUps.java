package io.kontor.sales.followup;

import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.sales.SalesConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Plans follow-ups from what happens to an offer, and lets sales work through them. */
@ApplicationScoped
public class FollowUps {

    @Inject
    BusinessCalendar calendar;

    @Inject
    SalesConfig config;

    public FollowUp get(UUID id) {
        return Found.byId(FollowUp.class, id, "follow-up");
    }

    /** Locked, so that of two people completing the same call at once the second gets a 409, not a lost note. */
    @Transactional
    public FollowUp complete(UUID id, String note) {
        FollowUp followUp = Found.lockedById(FollowUp.class, id, "follow-up");
        followUp.complete(note, calendar.now());
        return followUp;
    }

    /** Earliest due first: the top of the list is the call to make next. */
    public Page<FollowUpView> search(LocalDate dueBefore, FollowUpStatus status, UUID customerId, int page, int size) {
        Filter filter = new Filter()
                .and("dueOn < :dueBefore", "dueBefore", dueBefore)
                .and("status = :status", "status", status)
                .and("customerId = :customerId", "customerId", customerId);
        Sort earliestFirst = Sort.by("dueOn").and("createdAt");
        return Paging.page(
                FollowUp.<FollowUp>find(filter.where(), earliestFirst, filter.parameters()),
                page,
                size,
                FollowUpView::of);
    }

    /** A call some days after the customer accepted; once per offer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp afterAcceptance(UUID customerId, UUID offerId, String offerNumber, LocalDate acceptedOn) {
        FollowUp existing = FollowUp.find("offerId = ?1 and kind = ?2", offerId, FollowUpKind.AFTER_ACCEPTANCE)
                .firstResult();
        if (existing != null) {
            return existing;
        }
        FollowUp followUp = FollowUp.plan(
                customerId,
                offerId,
                null,
                FollowUpKind.AFTER_ACCEPTANCE,
                "Offer " + offerNumber + " accepted on " + acceptedOn + ": is everything on track?",
                acceptedOn.plusDays(config.followUps().daysAfterAcceptance()),
                calendar.now());
        followUp.persist();
        return followUp;
    }

    /**
     * The after-sale check once accounting reports an invoice paid; once per invoice, however often the event comes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp afterPayment(
            UUID customerId, UUID offerId, String offerNumber, UUID invoiceId, String invoiceNumber, LocalDate paidOn) {
        FollowUp existing = FollowUp.find("invoiceId = ?1 and kind = ?2", invoiceId, FollowUpKind.AFTER_PAYMENT)
                .firstResult();
        if (existing != null) {
            return existing;
        }
        String about = offerNumber == null
                ? "Invoice " + invoiceNumber
                : "Invoice " + invoiceNumber + " for offer " + offerNumber;
        FollowUp followUp = FollowUp.plan(
                customerId,
                offerId,
                invoiceId,
                FollowUpKind.AFTER_PAYMENT,
                about + " paid on " + paidOn + ": after-sale check — satisfied, anything further?",
                paidOn.plusDays(config.followUps().daysAfterPayment()),
                calendar.now());
        followUp.persist();
        return followUp;
    }

    /**
     * The payment of an invoice was reversed: the after-sale call planned for its payment is about a payment that did
     * not stay; an open one is closed with the reason (a new payment plans no second one: the call is then a person's
     * choice, the closed follow-up shows why).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentReversed(UUID invoiceId, String invoiceNumber, String reason) {
        FollowUp.<FollowUp>find(
                        "invoiceId = ?1 and kind = ?2 and status = ?3",
                        invoiceId,
                        FollowUpKind.AFTER_PAYMENT,
                        FollowUpStatus.OPEN)
                .stream()
                .forEach(followUp -> followUp.complete(
                        "Not called: the payment of invoice " + invoiceNumber + " was reversed (" + reason + ")",
                        calendar.now()));
    }

    /**
     * An invoice was cancelled by a credit note: the deal needs a call again. The latest follow-up about that invoice,
     * else about the offer, is reopened and due today; with none to reopen, a new one is planned for today.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUp reopenAfterCancellation(
            UUID customerId, UUID offerId, UUID invoiceId, String invoiceNumber, String creditNoteNumber) {
        String why = "Invoice " + invoiceNumber + " was cancelled by credit note " + creditNoteNumber
                + ": talk to the customer about the deal";
        FollowUp latest = FollowUp.<FollowUp>find("invoiceId = ?1 order by createdAt desc", invoiceId)
                .firstResultOptional()
                .or(() -> offerId == null
                        ? Optional.empty()
                        : FollowUp.<FollowUp>find("offerId = ?1 order by createdAt desc", offerId)
                                .firstResultOptional())
                .orElse(null);
        if (latest != null) {
            latest.reopen(why, calendar.today(), calendar.now());
            return latest;
        }
        FollowUp followUp = FollowUp.plan(
                customerId, offerId, invoiceId, FollowUpKind.AFTER_CANCELLATION, why, calendar.today(), calendar.now());
        followUp.persist();
        return followUp;
    }
}
