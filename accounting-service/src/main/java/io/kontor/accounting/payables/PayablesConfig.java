package io.kontor.accounting.payables;

import io.kontor.platform.mail.ImapMailbox;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/** Accounts payable's settings, {@code kontor.accounting.payables.*}. */
@ConfigMapping(prefix = "kontor.accounting.payables")
public interface PayablesConfig {

    /**
     * An invoice whose amount due is above this needs a second person's approval: not the one who recorded it (four
     * eyes, an internal control GoBD Rz. 100 ff. expects of a payment process).
     */
    @WithDefault("1000.00")
    BigDecimal secondApprovalAbove();

    /** Largest file accepted for intake, in bytes. */
    @WithDefault("10485760")
    int maxFileBytes();

    /**
     * The intake mailbox suppliers send invoices to, read over IMAP ({@code KONTOR_PAYABLES_IMAP_*}); without a host it
     * is not read.
     */
    Mailbox mailbox();

    interface Mailbox extends ImapMailbox.Settings {}

    /** Accounts payable in the DATEV export. */
    Datev datev();

    interface Datev {
        /** The accounts per chart, keyed by chart name in lower case (skr03, skr04). */
        Map<String, Chart> charts();
    }

    /**
     * Where supplier invoices and payments are booked; keys of the maps are a VAT group's rate for the standard
     * category ("19", "7") or its category in lower case ("z", "e", "ae", ...).
     */
    interface Chart {
        /** The creditor (Personenkonto) all suppliers are booked to, as all customers to one debtor. */
        String creditors();

        /** Expense account per key. */
        Map<String, String> expense();

        /** BU-Schlüssel per key that makes DATEV split off the input VAT (9: 19 %, 8: 7 %); none where no VAT. */
        Map<String, String> taxKey();

        /** Received-discounts account per key (automatic accounts carrying the input-VAT correction). */
        Map<String, String> skonto();
    }
}
