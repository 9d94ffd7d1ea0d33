package io.kontor.accounting.bank;

import io.kontor.platform.events.accounting.BankEntryCleared;
import io.kontor.platform.events.accounting.BankEntryUnmatched;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Announces the clearing list's human steps (issue #20): an entry that waits for a person to assign it, and the entry
 * leaving the list; process-service makes the first a task for accounting and closes it on the second.
 */
@ApplicationScoped
public class ClearingList {

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    void waiting(BankEntry entry) {
        outbox.publish(new BankEntryUnmatched(
                entry.id, entry.amount, entry.currency, entry.valueDate, entry.reason, calendar.now()));
    }

    void cleared(BankEntry entry, String outcome, String invoiceNumber) {
        outbox.publish(new BankEntryCleared(entry.id, outcome, invoiceNumber, calendar.now()));
    }
}
