package io.kontor.sales.offer;

import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.followup.FollowUps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The customer's answer to a sent offer, accepted or rejected, or none by the end of its validity: expired. Each is
 * published on {@code sales.offers}.
 */
@ApplicationScoped
public class OfferDecisions {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    FollowUps followUps;

    /** Publishes the offer with the customer as sales knows them now, so accounting can bill without asking back. */
    @Transactional
    public Offer accept(UUID id, Collection<Integer> chosenOptions, String acceptedBy, String recordedBy) {
        Offer offer = Offer.locked(id);
        offer.accept(Instant.now(clock), calendar.today(), chosenOptions);
        offer.acceptedBy = acceptedBy;
        offer.acceptanceRecordedBy = recordedBy;
        Customer customer = Customer.findById(offer.customerId);
        outbox.publish(offer.accepted(offer.billedTo(customer)));
        followUps.afterAcceptance(offer.customerId, offer.id, offer.offerNumber, calendar.today());
        return offer;
    }

    @Transactional
    public Offer reject(UUID id, String reason) {
        Offer offer = Offer.locked(id);
        offer.reject(Instant.now(clock), reason);
        outbox.publish(offer.rejected());
        return offer;
    }

    /**
     * Expires the offer if it is past its validity and the daily run has not got to it yet, so that a read made after
     * this shows it as it stands today. An unknown id is left to the read to answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expireIfDue(UUID id) {
        Offer offer = Offer.findById(id);
        LocalDate today = calendar.today();
        if (offer != null && offer.isDueToExpire(today)) {
            // Re-read under the row lock: a concurrent read or the daily run may have expired it a moment ago.
            Offer.getEntityManager().refresh(offer, LockModeType.PESSIMISTIC_WRITE);
            expireIfDue(offer, today);
        }
    }

    /**
     * Expires every sent offer whose validity has passed; run daily by {@link OfferExpiry} and before a list is read.
     * The rows are locked as they are selected: of two replicas running at once, the second waits and PostgreSQL
     * re-checks the condition against the committed row, so each offer expires, and is published, once.
     */
    @Transactional
    public int expireDue() {
        LocalDate today = calendar.today();
        List<Offer> due = Offer.<Offer>find(
                        "status = ?1 and validUntil < ?2", Sort.by("validUntil"), OfferStatus.SENT, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        int expired = 0;
        for (Offer offer : due) {
            if (expireIfDue(offer, today)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expireIfDue(Offer offer, LocalDate today) {
        if (!offer.isDueToExpire(today)) {
            return false;
        }
        offer.expire(Instant.now(clock), today);
        outbox.publish(offer.expired());
        return true;
    }
}
