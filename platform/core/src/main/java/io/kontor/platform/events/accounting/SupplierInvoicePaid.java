package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A supplier's invoice is paid: the bank statement shows the transfer of a payment run. */
@EventType(value = SupplierInvoicePaid.TYPE, topic = SupplierInvoicePaid.TOPIC)
public record SupplierInvoicePaid(
        UUID supplierInvoiceId,
        UUID supplierId,
        String invoiceNumber,
        BigDecimal amount,
        BigDecimal skontoTaken,
        String currency,
        UUID paymentRunId,
        LocalDate paidOn)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.supplier-invoice-paid.v1";
    public static final String TOPIC = "accounting.payables";

    @Override
    public String aggregateId() {
        return supplierInvoiceId.toString();
    }
}
