package io.kontor.accounting.invoice;

import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails an issued invoice to the buyer's address, in the issuing transaction, with the frozen documents: the PDF and
 * the XRechnung XML exactly as stored (their SHA-256 in the delivery record equals {@code X-Content-SHA256} of
 * {@code GET /invoices/{id}/pdf} and {@code …/xrechnung}). A buyer without an address gets no mail (the invoice is
 * still issued: invoices also come from events, which cannot be answered with a 409);
 * {@code kontor.invoice-mail.enabled=false} turns sending off for a company that sends invoices another way.
 */
@ApplicationScoped
public class InvoiceMail {

    public static final String INVOICE_DOCUMENT = "invoice";

    @Inject
    MailOutbox mail;

    @Inject
    InvoiceDocuments documents;

    @ConfigProperty(name = "kontor.invoice-mail.enabled", defaultValue = "true")
    boolean enabled;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sendIssued(Invoice invoice) {
        send(
                invoice,
                invoice.invoiceNumber,
                "invoice",
                InvoiceDocuments.Kind.PDF,
                InvoiceDocuments.Kind.XRECHNUNG,
                (request, language) -> request.data("dueDate", MailLocale.date(invoice.dueDate, language)));
    }

    /**
     * The cancellation document (Stornorechnung, type 381) goes where the invoice went, with its own e-invoice: the
     * buyer must correct the input VAT it deducted (§17 (1) UStG), and the XML is what its bookkeeping reads.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendCancelled(Invoice invoice) {
        send(
                invoice,
                invoice.creditNoteNumber,
                "credit-note",
                InvoiceDocuments.Kind.STORNO_PDF,
                InvoiceDocuments.Kind.STORNO_XRECHNUNG,
                (request, language) -> request.data("creditNoteNumber", invoice.creditNoteNumber)
                        .data("cancelledOn", MailLocale.date(invoice.cancelledOn, language)));
    }

    /** A document and its XRechnung to the buyer's invoice address, named by {@code number}. */
    private void send(
            Invoice invoice,
            String number,
            String template,
            InvoiceDocuments.Kind pdf,
            InvoiceDocuments.Kind xml,
            BiConsumer<MailRequest.Builder, Locale> data) {
        Buyer buyer = invoice.buyer;
        mail.sendIfAddressed(enabled, buyer == null ? null : buyer.email, template + " " + number, address -> {
            Locale language = MailLocale.forCountry(buyer.country);
            MailRequest.Builder request = MailRequest.forDocument(INVOICE_DOCUMENT, invoice.id)
                    .to(address)
                    .template(template, language)
                    .data("invoiceNumber", invoice.invoiceNumber)
                    .data("grossTotal", MailLocale.amount(invoice.grossTotal, language))
                    .data("currency", invoice.currency)
                    .data("issueDate", MailLocale.date(invoice.issueDate, language));
            data.accept(request, language);
            return request.attach(
                            number + ".pdf",
                            "application/pdf",
                            documents.stored(invoice, pdf).content())
                    .attach(
                            number + ".xml",
                            "application/xml",
                            documents.stored(invoice, xml).content())
                    .requestedBy("accounting-service")
                    .build();
        });
    }

    public List<MailDelivery> deliveries(Invoice invoice) {
        return mail.deliveries(INVOICE_DOCUMENT, invoice.id.toString());
    }
}
