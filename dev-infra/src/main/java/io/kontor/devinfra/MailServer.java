package io.kontor.devinfra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * A real SMTP and IMAP server (GreenMail) on free loopback ports, for tests and the local launcher, in the JVM that
 * starts it. It accepts mail for any address and keeps it in memory; every recipient gets a mailbox that can be read
 * over IMAP with the address as login and as password ({@link #mailboxPassword(String)}). The services log in to SMTP
 * as {@value #SENDER_LOGIN}, as they would at a real relay.
 */
public final class MailServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String SENDER_ADDRESS = "kontor@kontor.localhost";
    public static final String SENDER_LOGIN = "kontor";
    // Loopback only and in memory; a made-up password would gain nothing over a fixed one.
    public static final String SENDER_PASSWORD = "kontor-dev-mail";
    /**
     * The envelope sender of every mail and the mailbox the services read delivery status notifications from (login and
     * password the address, as every mailbox here).
     */
    public static final String BOUNCE_ADDRESS = "bounces@kontor.localhost";

    /** Accounts payable's intake mailbox: suppliers mail their invoices here, accounting reads it over IMAP. */
    public static final String INVOICES_ADDRESS = "rechnungseingang@kontor.localhost";

    private static final int START_TRIES = 5;

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Starts on two free ports; a port taken between finding and binding it is retried with new ones. */
    public static MailServer start() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < START_TRIES; attempt++) {
            int smtp = FreePorts.find();
            int imap = FreePorts.find();
            if (smtp == imap) {
                continue;
            }
            GreenMail server = new GreenMail(new ServerSetup[] {
                        new ServerSetup(smtp, HOST, ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(imap, HOST, ServerSetup.PROTOCOL_IMAP)
                    })
                    .withConfiguration(GreenMailConfiguration.aConfig()
                            .withUser(SENDER_ADDRESS, SENDER_LOGIN, SENDER_PASSWORD)
                            // Exists before the first bounce, so that reading it does not fail to log in.
                            .withUser(BOUNCE_ADDRESS, BOUNCE_ADDRESS, mailboxPassword(BOUNCE_ADDRESS))
                            .withUser(INVOICES_ADDRESS, INVOICES_ADDRESS, mailboxPassword(INVOICES_ADDRESS)));
            try {
                server.start();
                return new MailServer(server, smtp, imap);
            } catch (RuntimeException e) {
                server.stop();
                last = e;
            }
        }
        throw new IllegalStateException("Could not start the mail server on free ports", last);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The password of the IMAP mailbox GreenMail creates for a recipient: the address itself. */
    public static String mailboxPassword(String address) {
        return address;
    }

    /**
     * The {@code quarkus.mailer.*} settings of a service that sends through this server (plain SMTP on loopback, with
     * login).
     */
    public static Map<String, String> quarkusMailerConfig(int smtpPort, int imapPort) {
        return Map.ofEntries(
                Map.entry("quarkus.mailer.host", HOST),
                Map.entry("quarkus.mailer.port", Integer.toString(smtpPort)),
                Map.entry("quarkus.mailer.username", SENDER_LOGIN),
                Map.entry("quarkus.mailer.password", SENDER_PASSWORD),
                Map.entry("quarkus.mailer.from", SENDER_ADDRESS),
                Map.entry("quarkus.mailer.bounce-address", BOUNCE_ADDRESS),
                Map.entry("quarkus.mailer.auth-methods", "PLAIN LOGIN"),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("kontor.mail.bounces.imap-host", HOST),
                Map.entry("kontor.mail.bounces.imap-port", Integer.toString(imapPort)),
                Map.entry("kontor.mail.bounces.ssl", "false"),
                Map.entry("kontor.mail.bounces.username", BOUNCE_ADDRESS),
                Map.entry("kontor.mail.bounces.password", mailboxPassword(BOUNCE_ADDRESS)),
                Map.entry("kontor.accounting.payables.mailbox.imap-host", HOST),
                Map.entry("kontor.accounting.payables.mailbox.imap-port", Integer.toString(imapPort)),
                Map.entry("kontor.accounting.payables.mailbox.ssl", "false"),
                Map.entry("kontor.accounting.payables.mailbox.username", INVOICES_ADDRESS),
                Map.entry("kontor.accounting.payables.mailbox.password", mailboxPassword(INVOICES_ADDRESS)));
    }

    /**
     * The same settings as the environment variables a service in the production profile reads (the platform maps
     * {@code KONTOR_SMTP_*} to {@code quarkus.mailer.*}, as the cluster's kontor-smtp Secret sets them).
     */
    public static Map<String, String> environment(int smtpPort, int imapPort) {
        return Map.ofEntries(
                Map.entry("KONTOR_SMTP_HOST", HOST),
                Map.entry("KONTOR_SMTP_PORT", Integer.toString(smtpPort)),
                Map.entry("KONTOR_SMTP_USERNAME", SENDER_LOGIN),
                Map.entry("KONTOR_SMTP_PASSWORD", SENDER_PASSWORD),
                Map.entry("KONTOR_SMTP_START_TLS", "DISABLED"),
                Map.entry("KONTOR_MAIL_FROM", SENDER_ADDRESS),
                Map.entry("KONTOR_MAIL_BOUNCE_ADDRESS", BOUNCE_ADDRESS),
                Map.entry("KONTOR_BOUNCE_IMAP_HOST", HOST),
                Map.entry("KONTOR_BOUNCE_IMAP_PORT", Integer.toString(imapPort)),
                Map.entry("KONTOR_BOUNCE_IMAP_SSL", "false"),
                Map.entry("KONTOR_BOUNCE_IMAP_USERNAME", BOUNCE_ADDRESS),
                Map.entry("KONTOR_BOUNCE_IMAP_PASSWORD", mailboxPassword(BOUNCE_ADDRESS)),
                // Locally a bounce should show within seconds, not the production minute.
                Map.entry("KONTOR_MAIL_BOUNCES_POLL_INTERVAL", "3s"),
                // Accounts payable's intake mailbox (read by accounting only; the others ignore these).
                Map.entry("KONTOR_PAYABLES_IMAP_HOST", HOST),
                Map.entry("KONTOR_PAYABLES_IMAP_PORT", Integer.toString(imapPort)),
                Map.entry("KONTOR_PAYABLES_IMAP_SSL", "false"),
                Map.entry("KONTOR_PAYABLES_IMAP_USERNAME", INVOICES_ADDRESS),
                Map.entry("KONTOR_PAYABLES_IMAP_PASSWORD", mailboxPassword(INVOICES_ADDRESS)),
                Map.entry("KONTOR_PAYABLES_IMAP_POLL_INTERVAL", "3s"),
                // One replica locally: a mail left SENDING by a killed service is sent again after 20 s, not 5 min.
                Map.entry("KONTOR_MAIL_SENDING_LEASE", "20s"));
    }

    /** Stops both servers; the mail kept in memory is gone. */
    @Override
    public void close() {
        greenMail.stop();
    }

    @Override
    public String toString() {
        return "MailServer[smtp " + HOST + ":" + smtpPort + ", imap " + HOST + ":" + imapPort + "]";
    }
}
