package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A clearing entry left the list: a person assigned it to invoices ({@code ASSIGNED}, {@code invoiceNumber} the first
 * one) or marked it no customer's payment ({@code NOT_A_PAYMENT}).
 */
@EventType(value = BankEntryCleared.TYPE, topic = BankEntryCleared.TOPIC)
public record BankEntryCleared(UUID entryId, String outcome, String invoiceNumber, Instant clearedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.bank-entry-cleared.v1";
    public static final String TOPIC = "accounting.bank";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String NOT_A_PAYMENT = "NOT_A_PAYMENT";

    @Override
    public String aggregateId() {
        return entryId.toString();
    }
}
