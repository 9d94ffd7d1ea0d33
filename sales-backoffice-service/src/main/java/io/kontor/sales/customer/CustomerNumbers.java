package io.kontor.sales.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The gapless counter behind customer numbers (K-000001, K-000002, ...). The counter row is incremented in the
 * transaction that registers the customer: a failed registration rolls its number back, and a concurrent one waits on
 * the row lock until the first has committed or rolled back, so no number is skipped or used twice.
 */
@ApplicationScoped
public class CustomerNumbers {

    private static final String SERIES = "customer";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next() {
        Number value = (Number)
                entityManager.createNativeQuery("""
                insert into number_series (name, last_value) values (?1, 1)
                on conflict (name) do update set last_value = number_series.last_value + 1
                returning last_value""").setParameter(1, SERIES).getSingleResult();
        return format(value.longValue());
    }

    static String format(long sequence) {
        return "K-%06d".formatted(sequence);
    }
}
