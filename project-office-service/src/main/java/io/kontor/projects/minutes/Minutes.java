package io.kontor.projects.minutes;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The minutes of one project meeting: who was there and what was decided; its action items are {@link ActionItem}s. */
@Entity
public class Minutes extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public LocalDate meetingDate;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> attendees;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> decisions;

    /** E-mail addresses the minutes were mailed to when recorded. */
    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> distribution;

    public Instant createdAt;

    public static List<Minutes> ofProject(UUID projectId) {
        return list("projectId = ?1 order by meetingDate, createdAt", projectId);
    }
}
