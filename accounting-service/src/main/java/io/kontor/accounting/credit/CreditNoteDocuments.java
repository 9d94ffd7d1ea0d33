package io.kontor.accounting.credit;

import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.accounting.document.InvoicePdf;
import io.kontor.accounting.document.SellerOfRecord;
import io.kontor.accounting.document.XRechnung;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The documents of a partial credit note, rendered once in the transaction that writes it and served as stored from
 * then on (GoBD, §14b UStG), like an invoice's: PDF, XRechnung and ZUGFeRD XML of type 381, and the PDF/A-3 with that
 * XML embedded.
 */
@ApplicationScoped
public class CreditNoteDocuments {

    public enum Kind {
        PDF,
        XRECHNUNG,
        ZUGFERD,
        ZUGFERD_PDF
    }

    @Inject
    SellerOfRecord seller;

    @Inject
    BusinessCalendar calendar;

    @Transactional(Transactional.TxType.MANDATORY)
    public void freeze(PartialCredit credit, Invoice original) {
        CompanyProfile now = seller.current();
        Invoice document = credit.asDocument(original);
        byte[] pdf = InvoicePdf.partialCredit(document, now);
        String zugferd = XRechnung.partialCredit(document, now, XRechnung.ZUGFERD_EN16931);
        store(credit, Kind.PDF, pdf);
        store(
                credit,
                Kind.XRECHNUNG,
                XRechnung.partialCredit(document, now, XRechnung.XRECHNUNG).getBytes(StandardCharsets.UTF_8));
        store(credit, Kind.ZUGFERD, zugferd.getBytes(StandardCharsets.UTF_8));
        store(credit, Kind.ZUGFERD_PDF, InvoicePdf.zugferd(pdf, zugferd));
    }

    /** The stored document, or null (none is ever rendered on reading). */
    public InvoiceDocuments.Stored stored(PartialCredit credit, Kind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select content, sha256 from partial_credit_document"
                        + " where partial_credit_id = ?1 and kind = ?2")
                .setParameter(1, credit.id)
                .setParameter(2, kind.name())
                .getResultList();
        return rows.isEmpty() ? null : new InvoiceDocuments.Stored((byte[]) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    private void store(PartialCredit credit, Kind kind, byte[] content) {
        Panache.getEntityManager()
                .createNativeQuery("insert into partial_credit_document (partial_credit_id, kind, content, sha256,"
                        + " created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, credit.id)
                .setParameter(2, kind.name())
                .setParameter(3, content)
                .setParameter(4, InvoiceDocuments.sha256(content))
                .setParameter(5, calendar.now())
                .executeUpdate();
    }
}
