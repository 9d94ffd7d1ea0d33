package io.kontor.platform.mail;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Settings of outgoing mail; defaults in platform's META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "kontor.mail")
public interface MailConfig {

    /** Off only for tests that drive the sender by hand. */
    boolean senderEnabled();

    /** How often the sender looks for due rows that another replica's commit (which cannot wake this one) stored. */
    Duration pollInterval();

    int batchSize();

    /** Tries per message, the first included, before it is FAILED for a person to look at. */
    int maxAttempts();

    /** Wait after the first failed try; doubled after each further one, up to {@link #maxBackoff()}. */
    Duration firstBackoff();

    Duration maxBackoff();

    /**
     * How long a message may stay SENDING before it counts as left behind by a sender that died between handing it to
     * SMTP and recording the answer; it is then sent again with the same Message-ID.
     */
    Duration sendingLease();

    /** Limit for all attachments of one message together, in bytes. */
    long maxAttachmentBytes();

    Letterhead letterhead();

    Bounces bounces();

    /**
     * The mailbox that receives the delivery status notifications (RFC 3464) of the bounce address
     * ({@code quarkus.mailer.bounce-address}, the envelope sender of every mail), read over IMAP. Without a host no
     * bounces are read: a mail stays SENT even if it never arrived.
     */
    interface Bounces extends ImapMailbox.Settings {}

    /** The company as every mail signs (§ 37a HGB, § 35a GmbHG: business letters, e-mail included, name it). */
    interface Letterhead {
        String name();

        String street();

        String postalCode();

        String city();

        String phone();

        String email();

        /** Registered office, register court and number, e.g. "Sitz Hamburg, Amtsgericht Hamburg HRB 000000". */
        String register();

        String managingDirectors();

        String vatId();
    }
}
