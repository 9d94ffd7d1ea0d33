package io.kontor.platform.events.audit;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Somebody did an administrative act in a service, or read what only a role may read: a dead-letter replay, a mail
 * resend, a parked event retried or discarded, a personnel file or a data-subject bundle read, a setting changed, a
 * supplier invoice entered or approved. Written by the platform's {@code AdminActs} through the outbox, in the
 * transaction of the act (a read in its own); process-service appends each to its hash-chained audit trail (GoBD Rz.
 * 151 ff.: the procedure documentation includes who did what to the system).
 *
 * @param category {@link #CHANGE} (kept as long as the books, 10 years) or {@link #READ} (an access log of personal
 *     data: 3 years, GDPR Art. 5(1)(e))
 * @param target what the act was about, {@code <type>:<id>}
 */
@EventType(value = AdminActRecorded.TYPE, topic = AdminActRecorded.TOPIC)
public record AdminActRecorded(
        UUID actId,
        String service,
        String act,
        String category,
        String actor,
        String target,
        Map<String, String> details,
        Instant at)
        implements DomainEvent {

    public static final String TYPE = "kontor.audit.admin-act-recorded.v1";
    public static final String TOPIC = "audit.acts";
    public static final String CHANGE = "CHANGE";
    public static final String READ = "READ";

    @Override
    public String aggregateId() {
        return actId.toString();
    }
}
