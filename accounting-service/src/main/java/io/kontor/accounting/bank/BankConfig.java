package io.kontor.accounting.bank;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.List;

/** The company's bank accounts and the rules of cash application; {@code kontor.accounting.bank.*}. */
@ConfigMapping(prefix = "kontor.accounting.bank")
public interface BankConfig {

    /** IBANs of the company's own accounts: statements of any other account are refused. */
    List<String> ownIbans();

    /** A short payment up to this amount is booked and the rest written off. */
    BigDecimal shortPaymentToleranceAmount();

    /** ... or up to this percentage of the amount owed. */
    BigDecimal shortPaymentTolerancePercent();

    /** The reason written off short payments carry. */
    String shortPaymentReason();

    /** Largest camt.053 statement accepted; also the service's request limit (RequestSizeLimits). */
    MemorySize maxStatementSize();
}
