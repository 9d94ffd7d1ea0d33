package io.kontor.accounting.document;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The documents of issued invoices, frozen: rendered once, in the issuing transaction, and from then on served as
 * stored. A later change of the seller's data, of the templates or of Mustang does not change an invoice already sent
 * (GoBD: invoices are kept unchanged and must be reproducible as sent).
 */
@ApplicationScoped
public class InvoiceDocuments {

    public enum Kind {
        PDF,
        XRECHNUNG,
        ZUGFERD,
        /** The PDF/A-3 with the ZUGFeRD XML embedded (hybrid e-invoice). */
        ZUGFERD_PDF,
        /** The cancellation document (Stornorechnung) of a cancelled invoice, and its e-invoices of type 381. */
        STORNO_PDF,
        STORNO_XRECHNUNG,
        STORNO_ZUGFERD,
        STORNO_ZUGFERD_PDF;

        public boolean ofCancellation() {
            return name().startsWith("STORNO_");
        }

        boolean hybrid() {
            return this == ZUGFERD_PDF || this == STORNO_ZUGFERD_PDF;
        }
    }

    /** The stored bytes and their SHA-256 (hex). */
    public record Stored(byte[] content, String sha256) {}

    @Inject
    SellerOfRecord seller;

    @Inject
    BusinessCalendar calendar;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Renders and stores all documents of a just-issued invoice.
     *
     * @return the SHA-256 of its PDF, which the invoice-issued event carries as evidence that a frozen document exists
     *     (GoBD Rz. 58; process-service's compliance report)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String freeze(Invoice invoice) {
        Map<Kind, Stored> documents = renderAndStore(invoice);
        // Just numbered under the invoice's lock in this transaction, so no other rows can exist for it: what was
        // stored is these bytes, and the mail of this transaction takes them from here instead of reading them back.
        transactions.putResource(new JustFrozen(invoice.id), documents);
        return documents.get(Kind.PDF).sha256();
    }

    private Map<Kind, Stored> renderAndStore(Invoice invoice) {
        CompanyProfile now = seller.current();
        Map<Kind, byte[]> documents = new EnumMap<>(Kind.class);
        documents.put(Kind.PDF, InvoicePdf.of(invoice, now));
        documents.put(Kind.XRECHNUNG, XRechnung.of(invoice, now).getBytes(StandardCharsets.UTF_8));
        String zugferd = XRechnung.of(invoice, now, XRechnung.ZUGFERD_EN16931);
        documents.put(Kind.ZUGFERD, zugferd.getBytes(StandardCharsets.UTF_8));
        documents.put(Kind.ZUGFERD_PDF, InvoicePdf.zugferd(documents.get(Kind.PDF), zugferd));
        Map<Kind, Stored> stored = new EnumMap<>(Kind.class);
        documents.forEach((kind, content) -> stored.put(kind, new Stored(content, sha256(content))));
        store(invoice, stored);
        return stored;
    }

    /** Key of the documents {@link #freeze} stored in the current transaction. */
    private record JustFrozen(UUID invoiceId) {}

    /**
     * Renders and stores the cancellation document of a just-cancelled invoice, as of the seller's data on the day of
     * the cancellation; the invoice's own documents stay as issued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freezeCancellation(Invoice invoice) {
        CompanyProfile now = seller.current();
        byte[] pdf = InvoicePdf.creditNote(invoice, now);
        String zugferd = XRechnung.creditNote(invoice, now, XRechnung.ZUGFERD_EN16931);
        store(invoice, Kind.STORNO_PDF, pdf);
        store(invoice, Kind.STORNO_ZUGFERD_PDF, InvoicePdf.zugferd(pdf, zugferd));
        store(
                invoice,
                Kind.STORNO_XRECHNUNG,
                XRechnung.creditNote(invoice, now, XRechnung.XRECHNUNG).getBytes(StandardCharsets.UTF_8));
        store(invoice, Kind.STORNO_ZUGFERD, zugferd.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The stored document. An invoice issued (or cancelled) before documents were stored gets them now, once: from then
     * on it too is served unchanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored stored(Invoice invoice, Kind kind) {
        @SuppressWarnings("unchecked")
        Map<Kind, Stored> justFrozen = (Map<Kind, Stored>) transactions.getResource(new JustFrozen(invoice.id));
        if (justFrozen != null && justFrozen.containsKey(kind)) {
            return justFrozen.get(kind);
        }
        Stored stored = read(invoice, kind);
        if (stored == null
                && kind.hybrid()
                && read(invoice, kind.ofCancellation() ? Kind.STORNO_PDF : Kind.PDF) != null) {
            // Its PDF was frozen before hybrids were made, and is no PDF/A: a hybrid of a new rendering would not be
            // the invoice as sent.
            throw new ConflictProblem("invoice " + invoice.invoiceNumber + " was issued before ZUGFeRD PDFs were"
                    + " made; its PDF and its ZUGFeRD XML are served separately");
        }
        if (stored == null) {
            if (kind.ofCancellation()) {
                freezeCancellation(invoice);
            } else {
                // Not remembered: a concurrent first read may have stored its rendering first, and that one stays.
                renderAndStore(invoice);
            }
            stored = read(invoice, kind);
        }
        return stored;
    }

    private void store(Invoice invoice, Kind kind, byte[] content) {
        store(invoice, Map.of(kind, new Stored(content, sha256(content))));
    }

    /** All in one JDBC batch (one round trip with the driver's rewritten inserts), on the transaction's connection. */
    private void store(Invoice invoice, Map<Kind, Stored> documents) {
        OffsetDateTime createdAt = calendar.now().atOffset(ZoneOffset.UTC);
        // A concurrent first read of an old invoice may store the same documents: the first one stays.
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into invoice_document (invoice_id, kind, content, sha256, created_at)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")) {
                for (Map.Entry<Kind, Stored> document : documents.entrySet()) {
                    insert.setObject(1, invoice.id);
                    insert.setString(2, document.getKey().name());
                    insert.setBytes(3, document.getValue().content());
                    insert.setString(4, document.getValue().sha256());
                    insert.setObject(5, createdAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static Stored read(Invoice invoice, Kind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select content, sha256 from invoice_document where invoice_id = ?1 and kind = ?2")
                .setParameter(1, invoice.id)
                .setParameter(2, kind.name())
                .getResultList();
        return rows.isEmpty() ? null : new Stored((byte[]) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
