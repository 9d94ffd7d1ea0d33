package io.kontor.accounting.invoice;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The Skonto our invoices carry when nothing else was agreed, {@code kontor.accounting.skonto.*}: sales' offers and
 * customers have no Skonto terms, so invoices billed from an offer or a milestone get these, and a manual invoice gets
 * them unless its request names its own. Both unset: no Skonto.
 */
@ConfigMapping(prefix = "kontor.accounting.skonto")
public interface SkontoConfig {

    /** Percent off the gross total, more than 0 and at most 10. */
    Optional<BigDecimal> percent();

    /** Days from the issue date within which the payment's value date must fall. */
    Optional<Integer> days();

    /** The default terms, or null. */
    default Skonto terms() {
        return percent().isPresent() && days().isPresent() && percent().get().signum() > 0
                ? new Skonto(percent().get(), days().get())
                : null;
    }
}
