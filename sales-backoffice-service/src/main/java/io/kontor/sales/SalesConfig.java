package io.kontor.sales;

import io.smallrye.config.ConfigMapping;
import java.time.ZoneId;

/** Sales' own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.sales")
public interface SalesConfig {

    /** The seller's calendar: an offer's issue date, validity and the year in its number are days in this zone. */
    ZoneId timeZone();

    Offers offers();

    interface Offers {

        /** Days from the issue date until an offer is no longer binding ({@code validUntil}). */
        int validityDays();
    }
}
