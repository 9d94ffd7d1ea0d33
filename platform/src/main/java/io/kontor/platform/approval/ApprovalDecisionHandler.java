package io.kontor.platform.approval;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The platform's consumer of process-service's decisions ({@code process.approvals}): a decision on an act this service
 * holds pending is recorded and handed to the service's {@link ApprovedAct} for that act, once (inbox); a decision on
 * an act held elsewhere (every acting service reads the topic) or already decided is ignored. Switched on per service
 * by the build property {@code kontor.approvals.decisions=handle}; fed by the service's batch channel, which must read
 * {@code process.approvals} ({@link io.kontor.platform.inbox.InboxBatches}; a service that forgets it does not start).
 */
@ApplicationScoped
@Unremovable
@IfBuildProperty(name = "kontor.approvals.decisions", stringValue = "handle")
public class ApprovalDecisionHandler {

    private static final Logger LOG = Logger.getLogger(ApprovalDecisionHandler.class);

    private static final EventRoutes<ApprovalDecisionHandler> ROUTES =
            EventRoutes.of(ApprovalDecisionHandler.class).on(ApprovalDecided.class, ApprovalDecisionHandler::decided);

    @Inject
    Approvals approvals;

    @Inject
    Instance<ApprovedAct> acts;

    @InboxHandled(topics = "process.approvals")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void decided(ApprovalDecided decided, EventMeta meta) {
        PendingAct act = approvals.find(decided.approvalId()).orElse(null);
        if (act == null || !act.pending()) {
            LOG.debugf("decision on approval %s ignored: not pending here", decided.approvalId());
            return;
        }
        ApprovedAct handler = acts.stream()
                .filter(candidate -> candidate.act().equals(act.act()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no ApprovedAct bean for " + act.act()));
        boolean approved = ApprovalDecided.APPROVED.equals(decided.decision());
        approvals.decide(
                act.id(),
                approved ? PendingAct.APPROVED : PendingAct.REJECTED,
                decided.decidedBy(),
                decided.decidedAt(),
                decided.comment());
        if (approved) {
            handler.approved(act, decided);
        } else {
            handler.rejected(act, decided);
        }
        LOG.infof("%s %s of %s %s", act.act(), approved ? "approved" : "rejected", act.subjectType(), act.subjectId());
    }
}
