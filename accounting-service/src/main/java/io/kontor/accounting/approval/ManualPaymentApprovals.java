package io.kontor.accounting.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.approval.ApprovalRequest;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.approval.ApprovedAct;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.events.process.ApprovalDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Four eyes on manual payment bookings (issue #20): a payment booked by hand (not read from a bank statement) above
 * {@code kontor.approvals.manual-payment.above} settles a claim on nobody's evidence but the booker's, so it waits
 * PENDING_APPROVAL for a second person of accounting and is booked only once approved (GoBD Rz. 100 ff.: an internal
 * control system; §238 HGB, bookings must be traceable to their cause).
 */
@ApplicationScoped
public class ManualPaymentApprovals implements ApprovedAct {

    public static final String ACT = "manual-payment";

    /** What is booked once approved: the request as it was made. */
    public record Booking(BigDecimal amount, LocalDate valueDate, String payerName, String reference) {}

    @Inject
    Approvals approvals;

    @Inject
    Payments payments;

    @Inject
    ObjectMapper json;

    @Override
    public String act() {
        return ACT;
    }

    public boolean needed(BigDecimal amount) {
        return approvals.needed(ACT, amount);
    }

    @Transactional
    public PendingAct request(UUID invoiceId, Booking booking, String requestedBy) {
        Invoice invoice = Invoice.findById(invoiceId);
        try {
            return approvals.request(new ApprovalRequest(
                    ACT,
                    "invoice",
                    invoiceId.toString(),
                    booking.amount(),
                    invoice.currency,
                    "Book a payment of " + booking.amount() + " " + invoice.currency + " (value date "
                            + booking.valueDate() + ") by hand against invoice " + invoice.invoiceNumber,
                    "/api/v1/accounting/invoices/" + invoiceId,
                    json.writeValueAsString(booking),
                    requestedBy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the booking " + booking, e);
        }
    }

    /** Approved: booked now, as asked for. */
    @Override
    public void approved(PendingAct act, ApprovalDecided decision) {
        Booking booking;
        try {
            booking = json.readValue(act.parameters(), Booking.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approval " + act.id() + " keeps no readable booking", e);
        }
        payments.book(
                UUID.fromString(act.subjectId()),
                new Payments.Received(
                        booking.amount(),
                        booking.valueDate(),
                        booking.payerName(),
                        booking.reference(),
                        Payment.Source.MANUAL));
    }

    /** Rejected: nothing is booked. */
    @Override
    public void rejected(PendingAct act, ApprovalDecided decision) {}
}
