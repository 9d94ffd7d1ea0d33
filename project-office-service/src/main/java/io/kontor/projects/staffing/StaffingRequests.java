package io.kontor.projects.staffing;

import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Asks hr for staff (hr drafts a job opening) and notes when a hire fills the request. */
@ApplicationScoped
public class StaffingRequests {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public StaffingRequest request(UUID projectId, String role, List<String> skills, LocalDate startDate) {
        Found.byId(Project.class, projectId, "project");
        StaffingRequest request = new StaffingRequest();
        request.id = UUID.randomUUID();
        request.projectId = projectId;
        request.role = role;
        request.skills = List.copyOf(skills);
        request.startDate = startDate;
        request.status = StaffingRequest.Status.OPEN;
        request.createdAt = Instant.now(clock);
        request.persist();
        outbox.publish(new StaffingRequested(projectId, request.id, role, request.skills, startDate));
        return request;
    }

    /** A hire naming a request we do not know (another office's, or none) is none of our business. */
    @Transactional
    public void filled(UUID staffingRequestId, UUID employeeId) {
        StaffingRequest request = StaffingRequest.findById(staffingRequestId);
        if (request != null) {
            request.fillWith(employeeId, Instant.now(clock));
        }
    }
}
