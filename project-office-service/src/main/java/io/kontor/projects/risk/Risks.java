package io.kontor.projects.risk;

import io.kontor.platform.events.projects.RiskEscalated;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.projects.ProjectsConfig;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Keeps the risk register: every change becomes a version, every escalation that starts an event. */
@ApplicationScoped
public class Risks {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    @Transactional
    public Risk register(
            UUID projectId, String title, int probability, int impact, String mitigation, String owner, String by) {
        Found.byId(Project.class, projectId, "project");
        Instant now = Instant.now(clock);
        Risk risk = new Risk();
        risk.id = UUID.randomUUID();
        risk.projectId = projectId;
        risk.title = title;
        risk.probability = probability;
        risk.impact = impact;
        risk.mitigation = mitigation;
        risk.owner = owner;
        risk.status = RiskStatus.OPEN;
        risk.createdAt = now;
        risk.updatedAt = now;
        escalateIfDue(risk);
        risk.persist();
        RiskChange.of(risk, 1, now, by).persist();
        return risk;
    }

    @Transactional
    public Risk revise(UUID projectId, UUID riskId, Risk.Revision revision, String by) {
        Risk risk = Found.byId(Risk.class, riskId, "risk", found -> found.projectId.equals(projectId));
        if (!risk.revise(revision)) {
            return risk;
        }
        Instant now = Instant.now(clock);
        risk.updatedAt = now;
        escalateIfDue(risk);
        RiskChange.of(risk, (int) RiskChange.count("riskId", riskId) + 1, now, by)
                .persist();
        return risk;
    }

    private void escalateIfDue(Risk risk) {
        EscalationRule.Outcome outcome = new EscalationRule(config.riskEscalationThreshold())
                .apply(risk.escalated, risk.probability, risk.impact, risk.status);
        risk.escalated = outcome.escalated();
        if (outcome == EscalationRule.Outcome.STARTS) {
            outbox.publish(new RiskEscalated(
                    risk.projectId, risk.id, risk.title, risk.probability, risk.impact, risk.score(), risk.owner));
        }
    }
}
