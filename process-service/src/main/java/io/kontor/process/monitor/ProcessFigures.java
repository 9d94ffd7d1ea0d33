package io.kontor.process.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Loads a process's cases and steps and hands them to {@link CycleTimes}. */
@ApplicationScoped
public class ProcessFigures {

    @Transactional
    public CycleTimes.Stats of(ProcessDefinition process) {
        List<ProcessCase> cases = ProcessCase.list("process", process.name());
        Map<UUID, List<ProcessEvent>> steps = ProcessEvent.<ProcessEvent>list(
                        "process = ?1 and caseId is not null order by occurredAt, id", process.name())
                .stream()
                .collect(Collectors.groupingBy(e -> e.caseId));
        return CycleTimes.of(process, cases, steps);
    }
}
