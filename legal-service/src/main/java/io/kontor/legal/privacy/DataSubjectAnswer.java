package io.kontor.legal.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One service's answer to a data-subject request, as it arrived (kontor.privacy.data-subject-request-answered.v1): the
 * export and the erasure actions are kept as the service wrote them (JSON), so the bundle shows them unchanged.
 */
@Entity
@Table(name = "data_subject_answer")
public class DataSubjectAnswer extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID requestId;
    public String service;
    public boolean found;
    /** JSON array of PersonalRecords. */
    public String records;
    /** JSON array of ErasureAction. */
    public String actions;

    public Instant answeredAt;
    public Instant receivedAt;
    public String eventId;

    public static List<DataSubjectAnswer> of(UUID requestId) {
        return list("requestId = ?1 order by service", requestId);
    }
}
