package io.kontor.process.monitor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A step of a process: in a case, or pending until one of its objects joins a case (an application before the hire).
 */
@Entity
public class ProcessEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String process;
    public UUID caseId;
    public String eventId;
    public String eventType;
    public String step;
    public Instant occurredAt;
    public String objects;

    public List<ObjectRef> objectRefs() {
        List<ObjectRef> refs = new ArrayList<>();
        Arrays.stream(objects.trim().split(" "))
                .filter(key -> !key.isBlank())
                .forEach(key -> refs.add(ObjectRef.parse(key)));
        return refs;
    }

    public static String objectsText(List<ObjectRef> refs) {
        StringBuilder text = new StringBuilder(" ");
        refs.forEach(ref -> text.append(ref.key()).append(' '));
        return text.toString();
    }

    /** The case's steps in the order they happened (ties by arrival). */
    public static List<ProcessEvent> ofCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }
}
