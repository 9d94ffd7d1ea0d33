package io.kontor.sales.terms;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.legal.DocumentVersionPublished;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the published AGB versions (EVENTS.md, {@code legal.documents}); other kinds of legal document are no concern
 * of sales. In the inbox's transaction, so a redelivered event has no effect.
 */
@ApplicationScoped
@Unremovable
public class LegalDocumentsHandler {

    private static final EventRoutes<LegalDocumentsHandler> ROUTES = EventRoutes.of(LegalDocumentsHandler.class)
            .on(DocumentVersionPublished.class, LegalDocumentsHandler::published);

    @InboxHandled(topics = "legal.documents")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void published(DocumentVersionPublished published, EventMeta meta) {
        if (!"AGB".equals(published.kind())) {
            return;
        }
        AgbVersion.Key key = new AgbVersion.Key(published.documentId(), published.version());
        if (AgbVersion.findById(key) != null) {
            return;
        }
        AgbVersion version = new AgbVersion();
        version.key = key;
        version.language = published.language();
        version.title = published.title();
        version.effectiveFrom = published.effectiveFrom();
        version.sha256 = published.sha256();
        version.publishedAt = published.publishedAt();
        version.persist();
    }
}
