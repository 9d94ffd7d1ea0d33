package io.kontor.accounting.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Amount matching of bank entries (#23) looks receivable invoices up by their open amount: the lookup must be able to
 * use the partial index on the stored {@code open_total} (V60, V100) instead of computing the open amount of every
 * invoice. Issues no invoice (numbers are gapless per year and the test database is shared).
 */
@QuarkusTest
class OpenAmountIndexTest {

    @Inject
    EntityManager entityManager;

    @Test
    @SuppressWarnings("unchecked")
    void the_lookup_by_open_amount_can_use_the_partial_index_on_open_total() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // The test table is small, so the planner would scan it anyway; forbidding the scan asks whether an index
            // fits the query's predicate at all.
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return entityManager
                    .createNativeQuery("explain select id, invoice_number, buyer_name, open_total, customer_id"
                            + " from invoice where status in ('ISSUED', 'PARTIALLY_PAID') and currency = 'EUR'"
                            + " and open_total = 119.00")
                    .getResultList();
        });

        assertThat(String.join("\n", plan)).contains("invoice_open_total");
    }
}
