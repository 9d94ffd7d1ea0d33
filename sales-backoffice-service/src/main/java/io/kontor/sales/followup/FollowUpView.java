package io.kontor.sales.followup;

import io.kontor.sales.customer.Customer;
import io.kontor.sales.offer.Offer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up as the API shows it, with the customer's number and name and the offer number, for a readable call list.
 */
public record FollowUpView(
        UUID id,
        FollowUpStatus status,
        LocalDate dueOn,
        FollowUpKind kind,
        String reason,
        UUID customerId,
        String customerNumber,
        String customerName,
        UUID offerId,
        String offerNumber,
        UUID invoiceId,
        String note,
        Instant createdAt,
        Instant completedAt,
        Instant reopenedAt) {

    public static FollowUpView of(FollowUp followUp) {
        Customer customer = Customer.findById(followUp.customerId);
        Offer offer = followUp.offerId == null ? null : Offer.findById(followUp.offerId);
        return new FollowUpView(
                followUp.id,
                followUp.status,
                followUp.dueOn,
                followUp.kind,
                followUp.reason,
                followUp.customerId,
                customer == null ? null : customer.customerNumber,
                customer == null ? null : customer.name,
                followUp.offerId,
                offer == null ? null : offer.offerNumber,
                followUp.invoiceId,
                followUp.note,
                followUp.createdAt,
                followUp.completedAt,
                followUp.reopenedAt);
    }
}
