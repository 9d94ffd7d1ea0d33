package io.kontor.process.monitor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** Which case of a process an object belongs to: the correlation index. */
@Entity
public class CaseObject extends PanacheEntityBase {

    /** {@code <process>|<object key>}. */
    @Id
    public String id;

    public UUID caseId;

    public static String id(String process, ObjectRef object) {
        return process + "|" + object.key();
    }
}
