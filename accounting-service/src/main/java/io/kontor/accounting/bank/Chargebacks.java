package io.kontor.accounting.bank;

import io.kontor.accounting.bank.BankStatementImport.Unmatched;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * A debit that returns an earlier credit (RtrInf, RvslInd: the payer's bank took the money back) reverses the booking
 * of that credit, found by its EndToEndId and amount; the debit is recorded as RETURNED, so that importing the
 * statement again reverses nothing twice. One the import cannot place goes to the returns for a person.
 */
@ApplicationScoped
class Chargebacks {

    @Inject
    ClearingList clearing;

    @Inject
    BusinessCalendar calendar;

    /** The recorded return, or empty for a debit imported before. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Unmatched> chargeBack(StatementEntry debit) {
        if (BankEntry.count("entryKey", debit.entryKey()) > 0) {
            return Optional.empty();
        }
        BankEntry returned = BankEntry.of(debit, calendar.now());
        BankEntry original = BankEntry.<BankEntry>find(
                        "endToEndId = ?1 and amount = ?2 and status = ?3 order by importedAt desc",
                        debit.endToEndId(),
                        debit.amount(),
                        BankEntry.Status.MATCHED)
                .firstResult();
        if (original == null) {
            returned.returned(debit.returnInfo() + ": no booked payment with EndToEndId " + debit.endToEndId()
                    + " and amount " + debit.amount() + " to take back; for a person to look at");
        } else {
            clearing.reverse(
                    original.id, "returned by the bank, " + debit.returnInfo() + " (entry " + debit.entryKey() + ")");
            // The money is gone again: not a clearing entry waiting to be assigned.
            original.returned("taken back by the payer's bank, " + debit.returnInfo());
            returned.returned(debit.returnInfo() + ": booking of entry " + original.id + " reversed");
        }
        returned.persist();
        return Optional.of(Unmatched.of(returned));
    }
}
