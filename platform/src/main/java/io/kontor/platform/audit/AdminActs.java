package io.kontor.platform.audit;

import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.security.CallerId;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records administrative acts and role-sensitive reads for process-service's audit trail: one
 * {@code kontor.audit.admin-act-recorded.v1} on {@code audit.acts} per act, naming the caller ({@link CallerId}), the
 * act, its target and this service, timed by the injectable clock. A change is recorded in the transaction that makes
 * it, so the record exists exactly when the act was committed (GoBD Rz. 58: complete); a read changes nothing, so it is
 * recorded in a transaction of its own.
 */
@ApplicationScoped
public class AdminActs {

    /** The actor of an act no request carried (a scheduled job, a consumer). */
    public static final String SYSTEM = "system";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** A change made by the caller: joins the caller's transaction, or starts one after an act that had its own. */
    @Transactional(Transactional.TxType.REQUIRED)
    public UUID changed(String act, String target, Map<String, ?> details) {
        return record(act, AdminActRecorded.CHANGE, target, details);
    }

    /** A read of what only a role may see (personal data): recorded on its own, whatever becomes of the read. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID read(String act, String target, Map<String, ?> details) {
        return record(act, AdminActRecorded.READ, target, details);
    }

    private UUID record(String act, String category, String target, Map<String, ?> details) {
        UUID id = UUID.randomUUID();
        Map<String, String> text = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> text.put(key, value == null ? null : String.valueOf(value)));
        }
        outbox.publish(new AdminActRecorded(
                id, service, act, category, caller(), target, Map.copyOf(withoutNulls(text)), Instant.now(clock)));
        return id;
    }

    private static Map<String, String> withoutNulls(Map<String, String> details) {
        details.values().removeIf(value -> value == null);
        return details;
    }

    /** The caller of the current request; {@link #SYSTEM} outside a request. */
    static String caller() {
        try {
            var identity = Arc.container().instance(SecurityIdentity.class);
            String id = identity.isAvailable() ? CallerId.of(identity.get()) : null;
            return id == null ? SYSTEM : id;
        } catch (ContextNotActiveException e) {
            return SYSTEM;
        }
    }
}
