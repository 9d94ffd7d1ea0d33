package io.kontor.sales;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Sales' own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.sales")
public interface SalesConfig {

    Offers offers();

    FollowUps followUps();

    Tax tax();

    Vies vies();

    LegalReview legalReview();

    /**
     * When an offer goes to legal before it is sent (issue #18); a rule without a value is off. KONTOR_SALES_REVIEW_*.
     */
    interface LegalReview {

        /** Gross total above which legal reviews the deal. */
        Optional<java.math.BigDecimal> grossAbove();

        /** Payment terms (days) above which legal reviews the deal. */
        Optional<Integer> paymentTermDaysAbove();

        /** A line discount (percent) above which legal reviews the deal. */
        Optional<java.math.BigDecimal> discountAbove();

        /** A customer billed outside the EU (other law, other courts). */
        @io.smallrye.config.WithDefault("false")
        boolean customerOutsideEu();

        /** Terms other than the template's (or terms of its own without a template). */
        @io.smallrye.config.WithDefault("false")
        boolean termsDifferFromTemplate();
    }

    /** The EU's VAT id register (VIES REST API), asked by {@code POST /customers/{id}/vat-id-confirmation}. */
    interface Vies {

        /** "https://ec.europa.eu/taxation_customs/vies/rest-api"; the adapter appends "check-vat-number". */
        java.net.URI baseUrl();

        java.time.Duration timeout();

        /** Our own VAT id: with it VIES gives a consultation number, the proof of a qualified confirmation. */
        Optional<String> requesterVatId();
    }

    interface Tax {

        /**
         * The company is a small business (Kleinunternehmer, §19 UStG): no offer or invoice shows VAT. One switch for
         * the whole company, read by accounting too ({@code KONTOR_SMALL_BUSINESS}).
         */
        boolean smallBusiness();
    }

    interface Offers {

        /** Days from the issue date until an offer is no longer binding ({@code validUntil}). */
        int validityDays();

        /**
         * When the daily expiry run starts (cron, in the company's time zone {@code kontor.time-zone}); read by
         * {@code OfferExpiry}'s {@code @Scheduled}.
         */
        String expiryCron();
    }

    interface FollowUps {

        /** Days after an acceptance until sales calls the customer (kick-off going well? anything missing?). */
        int daysAfterAcceptance();

        /** Days after accounting reports an invoice paid until the after-sale check. */
        int daysAfterPayment();
    }
}
