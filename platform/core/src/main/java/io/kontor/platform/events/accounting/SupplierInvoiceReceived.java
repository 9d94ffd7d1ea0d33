package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A supplier's invoice was received (accounts payable): status RECEIVED (read and checked, waits for approval),
 * NEEDS_DATA (a plain PDF to enter by hand) or REJECTED (failed validation). Fields the file did not give are null.
 */
@EventType(value = SupplierInvoiceReceived.TYPE, topic = SupplierInvoiceReceived.TOPIC)
public record SupplierInvoiceReceived(
        UUID supplierInvoiceId,
        UUID supplierId,
        String supplierName,
        String invoiceNumber,
        String kind,
        String status,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal grossTotal,
        String currency,
        boolean held,
        boolean needsSecondApproval)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.supplier-invoice-received.v1";
    public static final String TOPIC = "accounting.payables";

    @Override
    public String aggregateId() {
        return supplierInvoiceId.toString();
    }
}
