package io.kontor.platform.privacy;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.outbox.Outbox;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The platform's consumer of legal's data-subject requests: once per request (inbox), the service's
 * {@link PersonalDataHolder}s erase or export, and the answer goes out through the outbox in the same transaction, so
 * an erasure and its answer happen together or not at all. Switched on per service by the build property
 * {@code kontor.privacy.requests=answer}; a service without it has no such consumer (legal asks and answers too). Fed
 * by the service's batch channel, which must read {@code legal.privacy} ({@link io.kontor.platform.inbox.InboxBatches};
 * a service that forgets it does not start).
 */
@ApplicationScoped
@Unremovable
@IfBuildProperty(name = "kontor.privacy.requests", stringValue = "answer")
public class DataSubjectRequestHandler {

    private static final Logger LOG = Logger.getLogger(DataSubjectRequestHandler.class);

    private static final EventRoutes<DataSubjectRequestHandler> ROUTES = EventRoutes.of(DataSubjectRequestHandler.class)
            .on(DataSubjectRequestOpened.class, DataSubjectRequestHandler::opened);

    @Inject
    PersonalDataAnswers answers;

    @Inject
    Outbox outbox;

    @InboxHandled(topics = "legal.privacy")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void opened(DataSubjectRequestOpened request, EventMeta meta) {
        var answer = answers.answer(request);
        outbox.publish(answer);
        // No personal data in the log: the request id and what was found is enough to follow it.
        LOG.infof(
                "Answered %s request %s: %d categories, %d erasure actions",
                request.kind(),
                request.requestId(),
                answer.records().size(),
                answer.actions().size());
    }
}
