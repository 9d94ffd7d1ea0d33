package io.kontor.accounting.payment;

import io.kontor.accounting.approval.ManualPaymentApprovals;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class PaymentResource {

    @Inject
    Payments payments;

    @Inject
    CollectivePayments collective;

    @Inject
    PaymentReversals reversals;

    @Inject
    ManualPaymentApprovals manualPaymentApprovals;

    @Inject
    SecurityIdentity identity;

    /** A manual booking above the four-eyes threshold: waiting for a second person. */
    public record PendingPayment(UUID invoiceId, UUID approvalId, String status) {}

    @POST
    @IdempotentCreate
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BookedPayment.class)))
    @APIResponse(
            responseCode = "202",
            description = "Above the four-eyes threshold: waits for a second person's approval",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PendingPayment.class)))
    public Response bookPayment(@NotNull @Valid PaymentRequest request) {
        UUID invoiceId = invoiceNamedBy(request);
        if (manualPaymentApprovals.needed(request.amount())) {
            // Four eyes above the threshold: booked once a second person approves (approval package).
            PendingAct approval = manualPaymentApprovals.request(
                    invoiceId,
                    new ManualPaymentApprovals.Booking(
                            request.amount(),
                            request.valueDate(),
                            blankToNull(request.payerName()),
                            blankToNull(request.reference())),
                    CallerId.of(identity));
            return Response.accepted(new PendingPayment(invoiceId, approval.id(), approval.status()))
                    .build();
        }
        BookedPayment booked = payments.book(
                invoiceId,
                new Payments.Received(
                        request.amount(),
                        request.valueDate(),
                        blankToNull(request.payerName()),
                        blankToNull(request.reference()),
                        Payment.Source.MANUAL));
        return Response.created(URI.create("payments/" + booked.id()))
                .entity(booked)
                .build();
    }

    /** A collective receipt split over invoices (§366 BGB). */
    public record CollectivePaymentRequest(
            UUID customerId,

            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @NotNull LocalDate valueDate,
            @Size(max = 300) String payerName,
            @Size(max = 500) String reference,
            @Size(max = 100) List<@NotNull @Valid Allocation> allocations) {}

    public record Allocation(
            @NotNull @Pattern(regexp = "RE-\\d{4}-\\d{6}", message = "must be an invoice number RE-<year>-<6 digits>")
            String invoiceNumber,

            @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount) {}

    public record Reversal(@NotBlank @Size(max = 500) String reason) {}

    /**
     * Splits one receipt: over the invoices the payer designated ({@code allocations}, or the invoice numbers its
     * reference names), else by §366 (2) BGB over the customer's open invoices; the rest is credit.
     */
    @POST
    @Path("/collective")
    @IdempotentCreate
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CollectivePayments.CollectiveBooking.class)))
    public Response bookCollective(@NotNull @Valid CollectivePaymentRequest request) {
        List<CollectivePayments.Designation> designations;
        if (request.allocations() != null && !request.allocations().isEmpty()) {
            designations = request.allocations().stream()
                    .map(a -> new CollectivePayments.Designation(a.invoiceNumber(), a.amount()))
                    .toList();
        } else {
            designations = InvoiceNumberInText.in(request.reference()).stream()
                    .map(number -> new CollectivePayments.Designation(number, null))
                    .toList();
        }
        CollectivePayments.CollectiveBooking booking = collective.bookCollective(
                request.customerId(),
                designations,
                new Payments.Received(
                        request.amount(),
                        request.valueDate(),
                        blankToNull(request.payerName()),
                        blankToNull(request.reference()),
                        Payment.Source.MANUAL));
        return Response.created(URI.create("payments/receipts/" + booking.receiptId()))
                .entity(booking)
                .build();
    }

    /** Reverses a booking by a new one with the negated amounts (GoBD); a second reversal is a 409. */
    @POST
    @Path("/{id}/reverse")
    public BookedPayment reversePayment(@PathParam("id") UUID id, @NotNull @Valid Reversal reversal) {
        return reversals.reverse(id, reversal.reason());
    }

    @GET
    @Path("/{id}")
    public BookedPayment getPayment(@PathParam("id") UUID id) {
        Payment payment = Found.byId(Payment.class, id, "payment");
        Invoice invoice = Invoice.findById(payment.invoiceId);
        return BookedPayment.of(payment, invoice.status, invoice.openClaim().total());
    }

    /** The invoice number wins; a reference must name exactly one invoice, or the payment is for someone to look at. */
    private static UUID invoiceNamedBy(PaymentRequest request) {
        if (request.invoiceNumber() != null && !request.invoiceNumber().isBlank()) {
            return idOf(request.invoiceNumber(), "invoiceNumber");
        }
        if (request.reference() == null || request.reference().isBlank()) {
            throw new InvalidFieldProblem("invoiceNumber", "give the invoice number, or a reference that contains it");
        }
        List<String> numbers = InvoiceNumberInText.in(request.reference());
        if (numbers.size() != 1) {
            throw new InvalidFieldProblem(
                    "reference",
                    numbers.isEmpty()
                            ? "names no invoice number"
                            : "names several invoices " + numbers + "; book each part by its invoice number");
        }
        return idOf(numbers.get(0), "reference");
    }

    private static UUID idOf(String invoiceNumber, String field) {
        return Invoice.<Invoice>find("invoiceNumber", invoiceNumber)
                .firstResultOptional()
                .map(invoice -> invoice.id)
                .orElseThrow(() -> new InvalidFieldProblem(field, "no invoice " + invoiceNumber + " is known"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
