package io.kontor.accounting.dunning;

import io.kontor.accounting.document.DunningNoticePdf;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails each notice of a dunning run to the buyer, in the run's transaction, with the letter as PDF: the delivery
 * record is the proof when and to which address the reminder went (§286 (1) BGB: default by reminder after the due
 * date). A buyer without an address gets the notice by post only (logged).
 */
@ApplicationScoped
public class DunningNoticeMail {

    static final String DOCUMENT = "dunning-notice";

    @Inject
    MailOutbox mail;

    @Inject
    DunningNoticeResource letters;

    @ConfigProperty(name = "kontor.dunning-mail.enabled", defaultValue = "true")
    boolean enabled;

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Invoice invoice, DunningNotice notice) {
        String what = "dunning notice " + notice.level + " of invoice " + invoice.invoiceNumber;
        mail.sendIfAddressed(enabled, invoice.buyer == null ? null : invoice.buyer.email, what, address -> {
            Locale language = MailLocale.forCountry(invoice.buyer.country);
            String title = DunningNoticePdf.title(notice.level);
            LocalDate payBy = notice.payBy;
            return MailRequest.forDocument(DOCUMENT, notice.id)
                    .to(address)
                    .template("dunning-notice", language)
                    .data("title", title)
                    .data("invoiceNumber", invoice.invoiceNumber)
                    .data("issueDate", MailLocale.date(invoice.issueDate, language))
                    .data("dueDate", MailLocale.date(invoice.dueDate, language))
                    .data("issuedOn", MailLocale.date(notice.issuedOn, language))
                    .data("payBy", MailLocale.date(payBy, language))
                    .data("totalOwed", MailLocale.amount(notice.totalOwed, language))
                    .data("currency", notice.currency)
                    .attach(
                            invoice.invoiceNumber + "-M" + notice.level + ".pdf",
                            "application/pdf",
                            letters.letter(invoice, notice))
                    .requestedBy("accounting-service/dunning-run")
                    .build();
        });
    }

    /** The mails of the notices of one invoice, oldest first. */
    public List<MailDelivery> deliveries(List<DunningNotice> notices) {
        return notices.stream()
                .flatMap(notice -> mail.deliveries(DOCUMENT, notice.id.toString()).stream())
                .toList();
    }
}
