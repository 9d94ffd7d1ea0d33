package io.kontor.projects.kickoff;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The scheduled kick-off meeting of a project (a project without one has its kick-off only PROPOSED). */
@Entity
public class Kickoff extends PanacheEntityBase {

    @Id
    public UUID projectId;

    public Instant scheduledAt;
    public int durationMinutes;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> participants;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> agenda;
    /**
     * RFC 5545 §3.8.7.4 SEQUENCE: 0 for the first invitation, one more for every revision, so calendars replace the old
     * one.
     */
    public int sequence;
    /** When the current revision was made: the invitation's DTSTAMP. */
    public Instant updatedAt;

    /**
     * Takes a new plan; a revision (and so a new SEQUENCE) only when something changed, so that a retried request does
     * not make every calendar update the meeting. Returns whether it changed.
     */
    boolean revise(
            Instant scheduledAt, int durationMinutes, List<String> participants, List<String> agenda, Instant now) {
        if (Objects.equals(this.scheduledAt, scheduledAt)
                && this.durationMinutes == durationMinutes
                && Objects.equals(this.participants, participants)
                && Objects.equals(this.agenda, agenda)) {
            return false;
        }
        this.scheduledAt = scheduledAt;
        this.durationMinutes = durationMinutes;
        this.participants = List.copyOf(participants);
        this.agenda = List.copyOf(agenda);
        this.sequence++;
        this.updatedAt = now;
        return true;
    }
}
