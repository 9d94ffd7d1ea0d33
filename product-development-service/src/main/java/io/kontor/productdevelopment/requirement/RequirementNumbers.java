package io.kontor.productdevelopment.requirement;

import io.kontor.productdevelopment.ProductDevelopmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The gapless counter behind requirement numbers (REQ-000001, ...). Incremented in the creating transaction: a rollback
 * gives the number back, and concurrent creations queue on the series' row until the first has finished, so an auditor
 * reading REQ-000007 and REQ-000009 knows REQ-000008 exists.
 */
@ApplicationScoped
public class RequirementNumbers {

    @Inject
    EntityManager entityManager;

    @Inject
    ProductDevelopmentConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next() {
        Number value = (Number) entityManager.createNativeQuery("""
                insert into number_series (name, last_value) values ('requirement', 1)
                on conflict (name) do update set last_value = number_series.last_value + 1
                returning last_value""").getSingleResult();
        return format(config.requirementPrefix(), value.longValue());
    }

    static String format(String prefix, long sequence) {
        return "%s-%06d".formatted(prefix, sequence);
    }
}
