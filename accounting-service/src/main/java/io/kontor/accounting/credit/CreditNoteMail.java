package io.kontor.accounting.credit;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceMail;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails a partial credit note where its invoice went, in the transaction that writes it, with the frozen PDF and
 * XRechnung (type 381) exactly as stored: the buyer must correct the input VAT it deducted (§17 (1) UStG), and the XML
 * is what its bookkeeping reads. Recorded among the invoice's deliveries ({@code GET /invoices/{id}/deliveries}), as
 * the cancellation document is; {@code kontor.invoice-mail.enabled=false} turns it off with the invoice mail.
 */
@ApplicationScoped
public class CreditNoteMail {

    @Inject
    MailOutbox mail;

    @Inject
    CreditNoteDocuments documents;

    @ConfigProperty(name = "kontor.invoice-mail.enabled", defaultValue = "true")
    boolean enabled;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sendIssued(PartialCredit credit, Invoice invoice) {
        Buyer buyer = invoice.buyer;
        mail.sendIfAddressed(enabled, buyer == null ? null : buyer.email, "credit note " + credit.number, address -> {
            Locale language = MailLocale.forCountry(buyer.country);
            // Under the invoice's own key: its deliveries list the credit notes on it too.
            return MailRequest.forDocument(InvoiceMail.INVOICE_DOCUMENT, invoice.id)
                    .to(address)
                    .template("partial-credit", language)
                    .data("creditNoteNumber", credit.number)
                    .data("invoiceNumber", invoice.invoiceNumber)
                    .data("issueDate", MailLocale.date(invoice.issueDate, language))
                    .data("creditedOn", MailLocale.date(credit.issuedOn, language))
                    .data("reason", credit.reason)
                    .data("grossAmount", MailLocale.amount(credit.grossAmount, language))
                    .data("currency", credit.currency)
                    .attach(
                            credit.number + ".pdf",
                            "application/pdf",
                            documents
                                    .stored(credit, CreditNoteDocuments.Kind.PDF)
                                    .content())
                    .attach(
                            credit.number + ".xml",
                            "application/xml",
                            documents
                                    .stored(credit, CreditNoteDocuments.Kind.XRECHNUNG)
                                    .content())
                    .requestedBy("accounting-service")
                    .build();
        });
    }
}
