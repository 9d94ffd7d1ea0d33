package io.kontor.accounting.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The gapless counter of invoice numbers {@code RE-<year>-<6 digits>}. German bookkeeping expects invoice numbers
 * without gaps (§14 (4) Nr. 4 UStG, GoBD), which a database sequence cannot give: it does not roll back. Here the
 * year's counter row is incremented inside the issuing transaction: the row lock makes concurrent issuers (threads
 * or replicas) wait for each other's commit, and a rollback returns the number with everything else.
 */
@ApplicationScoped
public class InvoiceNumbers {

    static final String PREFIX = "RE";

    @Inject
    EntityManager entityManager;

    /** Takes the next number of {@code year}; it stays taken only if the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year) {
        Number number = (Number) entityManager.createNativeQuery("""
                insert into invoice_number_counter (year, last_number) values (?1, 1)
                on conflict (year) do update set last_number = invoice_number_counter.last_number + 1
                returning last_number""")
                .setParameter(1, year)
                .getSingleResult();
        return format(year, number.longValue());
    }

    static String format(int year, long number) {
        if (number < 1 || number > 999_999) {
            throw new IllegalStateException("invoice number " + number + " of " + year + " does not fit six digits");
        }
        return "%s-%d-%06d".formatted(PREFIX, year, number);
    }
}
