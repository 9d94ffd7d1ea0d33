package io.kontor.platform.events.legal;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import io.kontor.platform.events.privacy.DataSubject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Legal registered a data-subject request: access (Art. 15 GDPR), rectification (Art. 16) or erasure (Art. 17), to be
 * answered by {@code deadline} (Art. 12 (3)). Every service holding personal data answers with
 * kontor.privacy.data-subject-request-answered.v1: what it holds about {@code subject} (ACCESS, RECTIFICATION: the
 * records to be corrected are shown, {@code details} says what is wrong), or what it erased or restricted (ERASURE).
 */
@EventType(value = DataSubjectRequestOpened.TYPE, topic = DataSubjectRequestOpened.TOPIC)
public record DataSubjectRequestOpened(
        UUID requestId,
        String kind,
        DataSubject subject,
        String details,
        LocalDate receivedOn,
        LocalDate deadline,
        Instant openedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.legal.data-subject-request-opened.v1";
    public static final String TOPIC = "legal.privacy";

    public static final String ACCESS = "ACCESS";
    public static final String RECTIFICATION = "RECTIFICATION";
    public static final String ERASURE = "ERASURE";

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
