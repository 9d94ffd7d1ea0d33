package io.kontor.legal.cases;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.accounting.InvoiceDisputeEscalated;
import io.kontor.platform.events.accounting.InvoiceHandedToCollection;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Matters accounting hands to legal (EVENTS.md, {@code accounting.invoices}): an invoice handed to collection, a
 * dispute escalated. Each opens one case with its deadlines, however often it arrives.
 */
@ApplicationScoped
@Unremovable
public class InvoiceCasesHandler {

    static final String SOURCE = "accounting-service";

    private static final EventRoutes<InvoiceCasesHandler> ROUTES = EventRoutes.of(InvoiceCasesHandler.class)
            .on(InvoiceHandedToCollection.class, InvoiceCasesHandler::handedToCollection)
            .on(InvoiceDisputeEscalated.class, InvoiceCasesHandler::disputeEscalated);

    @Inject
    Cases cases;

    @Inject
    CasesConfig config;

    @InboxHandled(topics = "accounting.invoices")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    /**
     * A COLLECTION case: the customer as opponent, the court or agency it went to, the claim as its value; deadlines to
     * follow the court dunning procedure up (§§688 ff. ZPO) and the end of the limitation period (§§195, 199 BGB).
     */
    void handedToCollection(InvoiceHandedToCollection handed, EventMeta meta) {
        List<Cases.Party> parties = new ArrayList<>();
        parties.add(new Cases.Party(PartyRole.OPPONENT, handed.customerName(), handed.customerNumber(), null));
        if (handed.handedTo() != null && !handed.handedTo().isBlank()) {
            parties.add(new Cases.Party(PartyRole.COLLECTOR, handed.handedTo(), handed.reference(), null));
        }
        String summary =
                "Rechnung %s vom %s, fällig %s, Mahnstufe %d; offen: Hauptforderung %s, Mahnkosten %s, Zinsen %s, gesamt %s %s. An %s übergeben am %s."
                        .formatted(
                                handed.invoiceNumber(),
                                handed.issueDate(),
                                handed.dueDate(),
                                handed.dunningLevel(),
                                handed.principal().toPlainString(),
                                handed.fees().toPlainString(),
                                handed.interest().toPlainString(),
                                handed.total().toPlainString(),
                                handed.currency(),
                                handed.handedTo(),
                                handed.handedOn());
        cases.openFromEvent(
                new Cases.Opening(
                        CaseKind.COLLECTION,
                        "Inkasso " + handed.invoiceNumber() + " – " + handed.customerName(),
                        summary,
                        "collection:" + handed.invoiceId(),
                        handed.invoiceId(),
                        handed.invoiceNumber(),
                        handed.customerId(),
                        null,
                        handed.currency(),
                        handed.total(),
                        parties,
                        List.of(
                                new Cases.Deadline(
                                        "Stand des Mahnverfahrens prüfen (Mahnbescheid zugestellt? Widerspruch?)",
                                        Fristen.daysAfter(handed.handedOn(), config.collectionFollowUpDays()),
                                        "§§ 688 ff. ZPO; Widerspruch binnen zwei Wochen, § 692 Abs. 1 Nr. 3 ZPO"),
                                new Cases.Deadline(
                                        "Verjährung der Forderung " + handed.invoiceNumber(),
                                        Fristen.limitationOfClaim(
                                                handed.issueDate() == null ? handed.dueDate() : handed.issueDate()),
                                        "§§ 195, 199 Abs. 1 BGB"))),
                SOURCE);
    }

    void disputeEscalated(InvoiceDisputeEscalated escalated, EventMeta meta) {
        cases.openFromEvent(
                new Cases.Opening(
                        CaseKind.INVOICE_DISPUTE,
                        "Reklamation " + escalated.invoiceNumber() + " – " + escalated.customerName(),
                        "Einwand des Kunden seit " + escalated.disputedSince() + ": " + escalated.disputeReason()
                                + (escalated.note() == null ? "" : "\nHinweis der Buchhaltung: " + escalated.note()),
                        "dispute:" + escalated.invoiceId() + ":" + escalated.disputedSince(),
                        escalated.invoiceId(),
                        escalated.invoiceNumber(),
                        escalated.customerId(),
                        null,
                        escalated.currency(),
                        escalated.openTotal(),
                        List.of(new Cases.Party(
                                PartyRole.OPPONENT, escalated.customerName(), escalated.customerNumber(), null)),
                        List.of(new Cases.Deadline(
                                "Rechtliche Einschätzung der Reklamation an die Buchhaltung",
                                Fristen.daysAfter(escalated.escalatedOn(), config.disputeAssessmentDays()),
                                null))),
                SOURCE);
    }
}
