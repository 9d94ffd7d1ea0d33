package io.kontor.platform.events.legal;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A version of a legal document (AGB, privacy notice, ...) was published: from {@code effectiveFrom} on it supersedes
 * the version in force before. Its wording never changes; {@code sha256} identifies it.
 */
@EventType(value = DocumentVersionPublished.TYPE, topic = DocumentVersionPublished.TOPIC)
public record DocumentVersionPublished(
        UUID documentId,
        String kind,
        String language,
        String title,
        int version,
        LocalDate effectiveFrom,
        Integer supersedesVersion,
        String sha256,
        String publishedBy,
        Instant publishedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.legal.document-version-published.v1";
    public static final String TOPIC = "legal.documents";

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
