package io.kontor.accounting;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Accounting's own settings; values in application.properties, overridable by {@code KONTOR_ACCOUNTING_…} env vars. */
@ConfigMapping(prefix = "kontor.accounting")
public interface AccountingConfig {

    /** ISO 4217 code of manual invoices. */
    String currency();

    /** Largest page a list endpoint serves. */
    int pageSizeLimit();

    /** Largest body of any request but a bank statement upload (RequestSizeLimits). */
    MemorySize maxRequestSize();
}
