package io.kontor.accounting;

import io.smallrye.config.ConfigMapping;
import java.time.ZoneId;

/** Accounting's own settings; values in application.properties, overridable by {@code KONTOR_ACCOUNTING_…} env vars. */
@ConfigMapping(prefix = "kontor.accounting")
public interface AccountingConfig {

    /** The seller's calendar: issue dates, due dates and the year of an invoice number are days in this zone. */
    ZoneId timeZone();

    /** ISO 4217 code of manual invoices. */
    String currency();

    /** Largest page a list endpoint serves. */
    int pageSizeLimit();
}
