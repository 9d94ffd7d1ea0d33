package io.kontor.accounting.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The gapless counters of invoice numbers {@code RE-<year>-<6 digits>} and credit note numbers {@code GS-<year>-<6
 * digits>}, one series each. German bookkeeping expects invoice numbers without gaps (§14 (4) Nr. 4 UStG, GoBD), which
 * a database sequence cannot give: it does not roll back. Here the year's counter row is incremented inside the issuing
 * transaction: the row lock makes concurrent issuers (threads or replicas) wait for each other's commit, and a rollback
 * returns the number with everything else.
 */
@ApplicationScoped
public class InvoiceNumbers {

    static final String INVOICE = "RE";
    /** Gutschrift: the credit note that cancels an invoice (§14c UStG, corrected by a new document, never an edit). */
    static final String CREDIT_NOTE = "GS";

    @Inject
    EntityManager entityManager;

    /** Takes the next number of {@code year}; it stays taken only if the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year) {
        return take(INVOICE, year);
    }

    /** Takes the next credit note number of {@code year}, under the same rules as invoice numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String nextCreditNote(int year) {
        return take(CREDIT_NOTE, year);
    }

    private String take(String series, int year) {
        Number number = (Number) entityManager
                .createNativeQuery("""
                insert into invoice_number_counter (series, year, last_number) values (?1, ?2, 1)
                on conflict (series, year) do update set last_number = invoice_number_counter.last_number + 1
                returning last_number""")
                .setParameter(1, series)
                .setParameter(2, year)
                .getSingleResult();
        return format(series, year, number.longValue());
    }

    static String format(int year, long number) {
        return format(INVOICE, year, number);
    }

    static String format(String series, int year, long number) {
        if (number < 1 || number > 999_999) {
            throw new IllegalStateException(series + " number " + number + " of " + year + " does not fit six digits");
        }
        return "%s-%d-%06d".formatted(series, year, number);
    }
}
