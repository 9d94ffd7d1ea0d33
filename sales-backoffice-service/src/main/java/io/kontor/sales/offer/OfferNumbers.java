package io.kontor.sales.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The gapless counter behind offer numbers, one series per year (AN-2025-000001, ...; the first offer of a year is
 * 000001 again). Incremented in the creating transaction: a rollback gives the number back, and concurrent creations
 * queue on the series' row until the first has finished.
 */
@ApplicationScoped
public class OfferNumbers {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year) {
        Number value = (Number) entityManager
                .createNativeQuery("""
                insert into number_series (name, last_value) values (?1, 1)
                on conflict (name) do update set last_value = number_series.last_value + 1
                returning last_value""")
                .setParameter(1, "offer-" + year)
                .getSingleResult();
        return format(year, value.longValue());
    }

    static String format(int year, long sequence) {
        return "AN-%d-%06d".formatted(year, sequence);
    }
}
