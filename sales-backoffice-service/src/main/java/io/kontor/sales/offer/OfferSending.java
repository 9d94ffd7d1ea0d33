package io.kontor.sales.offer;

import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.platform.mail.MissingRecipientProblem;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.review.OfferReviewEntry;
import io.kontor.sales.review.ReviewRules;
import io.kontor.sales.template.OfferTemplate;
import io.kontor.sales.terms.AgbVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Sending offers: held for legal's review when the deal asks for it (issue #18), else SENT and, with {@code deliver},
 * mailed to the customer in the same transaction; published on {@code sales.offers}.
 */
@ApplicationScoped
public class OfferSending {

    static final String OFFER_DOCUMENT = "offer";

    @Inject
    OfferDiscountApproval discountApproval;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    SalesConfig config;

    @Inject
    CompanyProfile company;

    @Inject
    MailOutbox mail;

    /**
     * Marks the offer sent and, with {@code deliver}, mails its PDF to the customer in the same transaction: the offer
     * is SENT exactly when its mail is on its way ({@link MailOutbox}). Without an address nothing changes (409 naming
     * the field); {@code deliver=false} is for an offer handed over some other way.
     */
    @Transactional
    public Offer send(UUID id, boolean deliver, String caller) {
        Offer offer = Offer.locked(id);
        Customer pinnedFor = Customer.findById(offer.customerId);
        if (discountApproval.needed(offer)) {
            // A large discount waits for a second person before the offer binds the company (issue #20).
            discountApproval.request(offer);
            return offer;
        }
        if (offer.status == OfferStatus.DRAFT || offer.status == OfferStatus.DISCOUNT_APPROVED) {
            List<String> reasons = ReviewRules.reasons(deal(offer, pinnedFor), config.legalReview());
            if (!reasons.isEmpty()) {
                // Legal advises on the deal before it binds the company (issue #18): held, not sent.
                Instant now = Instant.now(clock);
                offer.holdForReview();
                OfferReviewEntry.of(offer.id, OfferReviewEntry.Kind.REQUESTED, reasons, null, caller, now)
                        .persist();
                outbox.publish(offer.reviewRequested(pinnedFor, reasons, caller, now));
                return offer;
            }
        }
        offer.send(Instant.now(clock), calendar.today());
        offer.snapshotRecipient(pinnedFor);
        AgbVersion.inForce(
                        MailLocale.forCountry(pinnedFor.billingAddress.country).getLanguage(), calendar.today())
                .map(AgbVersion::terms)
                .ifPresent(offer::pinTerms);
        if (deliver) {
            Customer customer = pinnedFor;
            if (customer.email == null || customer.email.isBlank()) {
                throw new MissingRecipientProblem(
                        "email",
                        "customer " + customer.customerNumber + " has no e-mail address (field email) to send offer "
                                + offer.offerNumber + " to; add one, or send with {\"deliver\": false}");
            }
            Locale language = MailLocale.forCountry(customer.billingAddress.country);
            mail.send(MailRequest.forDocument(OFFER_DOCUMENT, offer.id)
                    .to(customer.email)
                    .template("offer", language)
                    .data("offerNumber", offer.offerNumber)
                    .data("customerName", customer.name)
                    .data("grossTotal", MailLocale.amount(offer.grossTotal, language))
                    .data("currency", offer.currency)
                    .data("validUntil", MailLocale.date(offer.validUntil, language))
                    .attach(OfferPdf.fileName(offer), "application/pdf", OfferPdf.of(offer, customer, company))
                    .requestedBy(caller)
                    .build());
        }
        outbox.publish(offer.sent());
        return offer;
    }

    private static ReviewRules.Deal deal(Offer offer, Customer customer) {
        OfferTemplate template = offer.templateId == null ? null : OfferTemplate.findById(offer.templateId);
        return new ReviewRules.Deal(
                offer.grossTotal,
                offer.currency,
                offer.termsText,
                template != null,
                template == null ? null : template.termsText,
                customer.paymentTermDays,
                customer.billingAddress.country,
                ReviewRules.highestDiscountPercent(
                        offer.lines.stream().map(line -> line.discountPercent).toList(),
                        offer.linesNetTotal,
                        offer.discountAmount));
    }

    /** Every mail sent for the offer. */
    public List<MailDelivery> deliveries(UUID id) {
        return mail.deliveries(OFFER_DOCUMENT, id.toString());
    }
}
