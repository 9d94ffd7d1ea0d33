package io.kontor.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the application has begun to stop. Its channels go on delivering records for a while after that, when the
 * datasource and the EntityManagerFactory are already closing: a handler that fails then failed because of the stop,
 * not because of its record. Such a record must not be retried or dead-lettered but left unacknowledged, so that the
 * next consumer of its partition gets it again (the inbox skips it if it was applied after all).
 */
@ApplicationScoped
class Stopping {

    // Static: read on consumer threads while the bean container itself is shutting down.
    private static volatile boolean stopping;

    static boolean now() {
        return stopping;
    }

    void started(@Observes StartupEvent start) {
        stopping = false;
    }

    // Before every other observer of the shutdown (they close what the handlers need).
    void stopping(@Observes @Priority(1) ShutdownEvent stop) {
        stopping = true;
    }

    /** A record not applied because the application is stopping: left unacknowledged for redelivery. */
    static final class Interrupted extends RuntimeException {
        Interrupted(Object event, String consumer, Throwable failure) {
            super(
                    event + " not applied by " + consumer + ": the application is stopping (" + failure
                            + "); left unacknowledged, it is delivered again",
                    failure);
        }
    }
}
