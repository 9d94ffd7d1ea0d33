package io.kontor.process.monitor;

import io.kontor.platform.events.process.CaseSlaBreached;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.process.ProcessConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Finds open cases that have waited longer than their process's SLA since their last step and announces each once
 * ({@code case-sla-breached}). The breach row's key (case, time of the last step) makes a second announcement of the
 * same wait a unique-key violation that rolls the outbox row back with it, also with several replicas.
 */
@ApplicationScoped
public class SlaWatch {

    @Inject
    ProcessConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    io.kontor.process.task.Tasks tasks;

    @Scheduled(every = "${kontor.process.sla-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
        tasks.escalate();
    }

    /** Announces the breaches of now; returns how many were new. */
    @Transactional
    public int check() {
        Instant now = calendar.now();
        int announced = 0;
        for (ProcessDefinition process : ProcessDefinition.ALL) {
            Duration sla = config.sla().get(process.name());
            if (sla == null) {
                continue;
            }
            List<ProcessCase> stuck = ProcessCase.list(
                    "process = ?1 and status = ?2 and lastEventAt < ?3",
                    process.name(),
                    ProcessCase.OPEN,
                    now.minus(sla));
            for (ProcessCase processCase : stuck) {
                String id = SlaBreach.id(processCase.id, processCase.lastEventAt);
                if (SlaBreach.findById(id) != null) {
                    continue;
                }
                SlaBreach breach = new SlaBreach();
                breach.id = id;
                breach.caseId = processCase.id;
                breach.breachedAt = now;
                breach.persist();
                List<ProcessEvent> steps = ProcessEvent.ofCase(processCase.id);
                outbox.publish(new CaseSlaBreached(
                        processCase.id,
                        process.name(),
                        processCase.rootObject,
                        steps.isEmpty() ? null : steps.get(steps.size() - 1).step,
                        processCase.lastEventAt,
                        sla.toString(),
                        now));
                announced++;
            }
        }
        return announced;
    }
}
