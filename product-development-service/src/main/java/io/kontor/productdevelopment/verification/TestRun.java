package io.kontor.productdevelopment.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded run of a test case: what came out, when, by whom, and where the evidence is. */
@Entity
public class TestRun extends PanacheEntityBase {

    public enum Result {
        PASSED,
        FAILED
    }

    @Id
    public UUID id;

    public UUID testCaseId;

    @Enumerated(EnumType.STRING)
    public Result result;

    /** The requirement's version the run tested. */
    public int requirementVersion;

    public Instant runAt;
    public String runBy;
    public String evidenceUrl;
    public Instant recordedAt;

    public static List<TestRun> of(UUID testCaseId) {
        return list("testCaseId = ?1 order by runAt desc, recordedAt desc", testCaseId);
    }

    /** The latest run by when it ran; a run recorded later about an earlier moment does not override it. */
    public static TestRun last(UUID testCaseId) {
        return find("testCaseId = ?1 order by runAt desc, recordedAt desc", testCaseId)
                .firstResult();
    }
}
