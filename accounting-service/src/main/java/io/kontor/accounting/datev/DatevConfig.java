package io.kontor.accounting.datev;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The DATEV export's settings, {@code kontor.accounting.datev.*}: the tax advisor's and client's numbers, the fiscal
 * year, and per chart of accounts (SKR03, SKR04) the accounts bookings go to. The accounts are the tax advisor's
 * choice; the defaults are DATEV's standard accounts.
 */
@ConfigMapping(prefix = "kontor.accounting.datev")
public interface DatevConfig {

    /** Beraternummer (1001 to 9999999). */
    int consultantNumber();

    /** Mandantennummer (1 to 99999). */
    int clientNumber();

    /** First day of the fiscal year as MM-DD (Wirtschaftsjahr-Beginn). */
    @WithDefault("01-01")
    String fiscalYearStart();

    /** Sachkontenlänge: digits of a general ledger account; debtor accounts have one more. */
    @WithDefault("4")
    int accountLength();

    /** The chart used when the request names none: SKR03 or SKR04. */
    @WithDefault("SKR03")
    String chart();

    /** Diktatkürzel: initials of whoever exported (two letters). */
    @WithDefault("KO")
    String initials();

    /** Festschreibung: 1 marks the batch as final in DATEV (GoBD), 0 leaves it open for the tax advisor. */
    @WithDefault("0")
    int lockBatch();

    /** The accounts per chart, keyed by chart name in lower case (skr03, skr04). */
    Map<String, Chart> charts();

    interface Chart {
        /** Debtor (Personenkonto) bookings of invoices and payments go to. */
        String receivables();

        String bank();

        /** Dunning fees and the §288 (5) BGB flat fee received: damages, not taxable. */
        String fees();

        /** Default interest received (§288 BGB). */
        String interest();

        /** Short payments written off (bank charges the payer deducted). */
        String writeOff();

        /**
         * Revenue accounts, keyed by tax treatment in lower case with dashes, and for domestic lines the rate
         * ({@code domestic-19}, {@code domestic-7}, {@code intra-eu-supply}, {@code eu-b2b-service}, ...).
         */
        Map<String, String> revenue();

        /**
         * Gewährte Skonti, keyed like {@link #revenue()}: automatic accounts that carry the rate's tax key, so that
         * DATEV corrects the VAT with the tax base (§17 (1) UStG); e.g. SKR03 8736 (19 %), 8731 (7 %).
         */
        Map<String, String> skonto();
    }
}
