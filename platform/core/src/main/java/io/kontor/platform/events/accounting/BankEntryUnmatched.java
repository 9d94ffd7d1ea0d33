package io.kontor.platform.events.accounting;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A credit entry of a bank statement that no rule could match waits in accounting's clearing list for a person to
 * assign it (or to mark it no customer's payment); also when a booking was reversed and the entry is back in the list.
 * No payer name: the task needs the amount and the link, not the person.
 */
@EventType(value = BankEntryUnmatched.TYPE, topic = BankEntryUnmatched.TOPIC)
public record BankEntryUnmatched(
        UUID entryId, BigDecimal amount, String currency, LocalDate valueDate, String reason, Instant unmatchedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.accounting.bank-entry-unmatched.v1";
    public static final String TOPIC = "accounting.bank";

    @Override
    public String aggregateId() {
        return entryId.toString();
    }
}
