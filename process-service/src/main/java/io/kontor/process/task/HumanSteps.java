package io.kontor.process.task;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.accounting.BankEntryCleared;
import io.kontor.platform.events.accounting.BankEntryUnmatched;
import io.kontor.platform.events.legal.OfferReviewApproved;
import io.kontor.platform.events.legal.OfferReviewRejected;
import io.kontor.platform.events.productdevelopment.RequirementChanged;
import io.kontor.platform.events.productdevelopment.RequirementVerified;
import io.kontor.platform.events.sales.OfferReviewRequested;
import io.kontor.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Human steps other than approvals, as tasks (issue #20): the event that makes a person's work opens a task for the
 * role that does it, with the link to act on; the event that shows the work done closes it. An unmatched bank entry
 * (accounting assigns it), an offer in legal review (legal decides), suspect requirement links after a change (product
 * development confirms them and verifies the requirement again).
 */
@ApplicationScoped
public class HumanSteps {

    public static final String BANK_ENTRY = "bank-entry-assignment";
    public static final String LEGAL_REVIEW = "offer-legal-review";
    public static final String SUSPECT_LINKS = "suspect-requirement-links";

    @Inject
    Tasks tasks;

    /** Opens or closes the task an event of a domain topic stands for; other events change no task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(IncomingEvent event) {
        if (event.is(BankEntryUnmatched.class)) {
            BankEntryUnmatched e = event.data(BankEntryUnmatched.class);
            tasks.open(
                    BANK_ENTRY,
                    e.entryId().toString(),
                    "Assign the bank entry of " + e.amount() + " " + e.currency() + " (value date " + e.valueDate()
                            + "): " + e.reason(),
                    Roles.ACCOUNTING,
                    "/api/v1/accounting/bank-statements/clearing",
                    e.unmatchedAt());
        } else if (event.is(BankEntryCleared.class)) {
            BankEntryCleared e = event.data(BankEntryCleared.class);
            tasks.close(BANK_ENTRY, e.entryId().toString(), e.outcome(), e.clearedAt());
        } else if (event.is(OfferReviewRequested.class)) {
            OfferReviewRequested e = event.data(OfferReviewRequested.class);
            tasks.open(
                    LEGAL_REVIEW,
                    e.offerId().toString(),
                    "Review offer " + e.offerNumber() + " for " + e.customerName() + ": "
                            + String.join("; ", e.reasons()),
                    Roles.LEGAL,
                    "/api/v1/legal/reviews?offerId=" + e.offerId(),
                    e.requestedAt());
        } else if (event.is(OfferReviewApproved.class)) {
            OfferReviewApproved e = event.data(OfferReviewApproved.class);
            tasks.close(LEGAL_REVIEW, e.offerId().toString(), "APPROVED by " + e.reviewer(), e.decidedAt());
        } else if (event.is(OfferReviewRejected.class)) {
            OfferReviewRejected e = event.data(OfferReviewRejected.class);
            tasks.close(LEGAL_REVIEW, e.offerId().toString(), "REJECTED by " + e.reviewer(), e.decidedAt());
        } else if (event.is(RequirementChanged.class)) {
            RequirementChanged e = event.data(RequirementChanged.class);
            if (e.suspectLinks() > 0) {
                tasks.open(
                        SUSPECT_LINKS,
                        e.requirementId().toString(),
                        "Confirm " + e.suspectLinks() + " suspect link(s) of requirement " + e.number() + " v"
                                + e.version() + " (" + e.title() + ")",
                        Roles.PRODUCT_DEVELOPMENT,
                        "/api/v1/product-development/requirements/" + e.requirementId() + "/links",
                        e.changedAt());
            }
        } else if (event.is(RequirementVerified.class)) {
            RequirementVerified e = event.data(RequirementVerified.class);
            tasks.close(SUSPECT_LINKS, e.requirementId().toString(), "VERIFIED v" + e.version(), e.verifiedAt());
        }
    }
}
