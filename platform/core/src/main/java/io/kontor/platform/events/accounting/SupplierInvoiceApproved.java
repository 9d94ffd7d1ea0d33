package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A supplier's invoice was approved for payment (by a second person where its amount needs one). */
@EventType(value = SupplierInvoiceApproved.TYPE, topic = SupplierInvoiceApproved.TOPIC)
public record SupplierInvoiceApproved(
        UUID supplierInvoiceId,
        UUID supplierId,
        String invoiceNumber,
        BigDecimal payableAmount,
        String currency,
        LocalDate dueDate,
        boolean secondPerson)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.supplier-invoice-approved.v1";
    public static final String TOPIC = "accounting.payables";

    @Override
    public String aggregateId() {
        return supplierInvoiceId.toString();
    }
}
