package io.kontor.legal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Collects the services' answers to data-subject requests (privacy.answers): one per service and request, the first one
 * counts; when every service of {@code kontor.legal.privacy.answering-services} has answered, the request is complete
 * and, unless a clerk answered it before, ANSWERED.
 */
@ApplicationScoped
@Unremovable
public class PrivacyAnswersHandler {

    private static final Logger LOG = Logger.getLogger(PrivacyAnswersHandler.class);

    private static final EventRoutes<PrivacyAnswersHandler> ROUTES = EventRoutes.of(PrivacyAnswersHandler.class)
            .on(DataSubjectRequestAnswered.class, PrivacyAnswersHandler::answered);

    @Inject
    ObjectMapper json;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AnswerBundles bundles;

    @InboxHandled(topics = "privacy.answers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void answered(DataSubjectRequestAnswered answered, EventMeta meta) {
        DataSubjectRequest request = DataSubjectRequest.findById(answered.requestId());
        if (request == null) {
            LOG.warnf("%s answers request %s, which legal does not know: ignored", answered.service(), meta);
            return;
        }
        if (DataSubjectAnswer.count("requestId = ?1 and service = ?2", request.id, answered.service()) > 0) {
            return;
        }
        DataSubjectAnswer answer = new DataSubjectAnswer();
        answer.id = UUID.randomUUID();
        answer.requestId = request.id;
        answer.service = answered.service();
        answer.found = answered.found();
        answer.records = write(answered.records());
        answer.actions = write(answered.actions());
        answer.answeredAt = answered.answeredAt();
        answer.receivedAt = calendar.now();
        answer.eventId = meta.id();
        answer.persist();
        bundles.completeIfAllAnswered(request);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? java.util.List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the answer", e);
        }
    }
}
