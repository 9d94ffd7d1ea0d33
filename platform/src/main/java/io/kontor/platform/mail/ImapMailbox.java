package io.kontor.platform.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Reads the unseen messages of a mailbox over IMAP, the mechanics every mailbox Kontor reads shares (the bounce
 * mailbox, accounts payable's invoice mailbox): connect, open the folder read-write, hand each unseen message to a
 * reader, and mark it seen only when the reader says it is done. A message is fetched with peek, so reading it does not
 * mark it seen: what the reader could not record (database down, a crash before the answer) stays unseen and is read
 * again at the next poll, which is why a reader must be idempotent.
 */
public final class ImapMailbox {

    private static final Logger LOG = Logger.getLogger(ImapMailbox.class);

    private ImapMailbox() {}

    /** Where the mailbox is; a {@code @ConfigMapping} group of a service's settings extends it. */
    public interface Settings {
        /** Without a host the mailbox is not read. */
        Optional<String> imapHost();

        int imapPort();

        /** imaps (TLS from the first byte) unless the server is on a trusted network. */
        boolean ssl();

        Optional<String> username();

        Optional<String> password();

        String folder();

        Duration pollInterval();
    }

    /** What became of a message: SEEN when done with it, UNSEEN to leave it for another reader or the next poll. */
    public enum After {
        SEEN,
        UNSEEN
    }

    @FunctionalInterface
    public interface Reader {
        /**
         * Handles one message. An exception leaves it unseen and ends this reading of the mailbox (the cause, such as a
         * database that is down, is likely to fail the next message too).
         */
        After read(Message message) throws MessagingException, IOException;
    }

    /**
     * The scheduled poll of a mailbox: nothing when no host is set, and a failure logged rather than thrown, as the
     * next poll tries again.
     */
    public static void poll(String name, Settings settings, Reader reader) {
        if (settings.imapHost().isEmpty()) {
            return;
        }
        try {
            readUnseen(name, settings, reader);
        } catch (RuntimeException e) {
            LOG.warnf("Reading the %s failed; trying again in %s: %s", name, settings.pollInterval(), e);
        }
    }

    /** Reads the unseen messages; returns how many the reader marked seen. */
    public static int readUnseen(String name, Settings settings, Reader reader) {
        String host =
                settings.imapHost().orElseThrow(() -> new IllegalStateException("no IMAP host is set for the " + name));
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".peek", "true");
        int done = 0;
        try (Store store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(
                    host,
                    settings.imapPort(),
                    settings.username().orElse(null),
                    settings.password().orElse(null));
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    After after;
                    try {
                        after = reader.read(message);
                    } catch (IOException e) {
                        throw new IllegalStateException("could not read a message of the " + name, e);
                    }
                    // Some servers mark a message seen when its body is fetched, peek or not: set it either way.
                    message.setFlag(Flags.Flag.SEEN, after == After.SEEN);
                    if (after == After.SEEN) {
                        done++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read the " + name + " " + host + ": " + e.getMessage(), e);
        }
        return done;
    }
}
