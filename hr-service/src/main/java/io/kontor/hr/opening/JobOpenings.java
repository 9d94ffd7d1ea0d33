package io.kontor.hr.opening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobOpenings {

    @Inject
    Clock clock;

    @Transactional
    public JobOpening draft(
            String title,
            String department,
            String location,
            String description,
            List<String> requirements,
            UUID staffingRequestId,
            UUID projectId) {
        JobOpening opening = new JobOpening();
        opening.id = UUID.randomUUID();
        opening.title = title;
        opening.department = department;
        opening.location = location;
        opening.description = description;
        opening.requirements = requirements == null ? List.of() : List.copyOf(requirements);
        opening.status = JobOpening.Status.DRAFT;
        opening.staffingRequestId = staffingRequestId;
        opening.projectId = projectId;
        opening.createdAt = Instant.now(clock);
        opening.persist();
        return opening;
    }
}
