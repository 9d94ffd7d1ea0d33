package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Part of an issued invoice was credited by a partial credit note (§17 (1) UStG) of its own GS number.
 * {@code againstOpen} is what it took off the amount still owed, {@code toCustomerCredit} what exceeded that on a
 * (partly) paid invoice and is owed back to the customer (set off against the next due invoice or refunded);
 * {@code invoiceStatus} and {@code openAmount} are as after the credit.
 */
@EventType(value = InvoiceCredited.TYPE, topic = InvoiceCredited.TOPIC)
public record InvoiceCredited(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID offerId,
        UUID creditNoteId,
        String creditNoteNumber,
        LocalDate issuedOn,
        String reason,
        String currency,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        BigDecimal againstOpen,
        BigDecimal toCustomerCredit,
        String invoiceStatus,
        BigDecimal openAmount)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.invoice-credited.v1";
    public static final String TOPIC = "accounting.invoices";

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
