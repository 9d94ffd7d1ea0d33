package io.kontor.productdevelopment.verification;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.productdevelopment.requirement.Requirements;
import io.kontor.productdevelopment.requirement.TraceLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Test cases of requirements and their recorded runs. */
@ApplicationScoped
public class TestCases {

    @Inject
    Clock clock;

    @Transactional
    public TestCase add(UUID requirementId, String title, String steps) {
        Requirement requirement = Found.byId(Requirement.class, requirementId, "requirement");
        if (requirement.status == Requirement.Status.REJECTED) {
            throw new ConflictProblem("requirement " + requirement.number + " was rejected");
        }
        TestCase testCase = new TestCase();
        testCase.id = UUID.randomUUID();
        testCase.requirementId = requirementId;
        testCase.title = title.strip();
        testCase.steps = steps;
        testCase.createdAt = Instant.now(clock);
        testCase.persist();
        TraceLink.create(requirementId, TraceLink.Kind.VERIFIED_BY, testCase.id, testCase.createdAt);
        return testCase;
    }

    /** One test case per acceptance criterion that has none of that title yet. */
    @Transactional
    public List<TestCase> fromAcceptanceCriteria(UUID requirementId) {
        Requirement requirement = Found.byId(Requirement.class, requirementId, "requirement");
        Set<String> present =
                TestCase.of(requirementId).stream().map(t -> t.title).collect(Collectors.toSet());
        List<TestCase> added = new ArrayList<>();
        for (String criterion : requirement.acceptanceCriteria) {
            String title = criterion.length() > 300 ? criterion.substring(0, 300) : criterion;
            if (present.add(title)) {
                added.add(add(requirementId, title, criterion));
            }
        }
        return added;
    }

    @Transactional
    public TestRun record(
            UUID requirementId, UUID testCaseId, TestRun.Result result, Instant runAt, String evidenceUrl, String who) {
        Requirement requirement = Found.byId(Requirement.class, requirementId, "requirement");
        TestCase testCase =
                Found.byId(TestCase.class, testCaseId, "test case", found -> found.requirementId.equals(requirementId));
        Instant now = Instant.now(clock);
        if (runAt != null && runAt.isAfter(now)) {
            throw new InvalidFieldProblem("runAt", "a run is recorded after it happened");
        }
        TestRun run = new TestRun();
        run.id = UUID.randomUUID();
        run.testCaseId = testCase.id;
        run.result = result;
        run.requirementVersion = requirement.version;
        run.runAt = runAt == null ? now : runAt;
        run.runBy = who;
        run.evidenceUrl = evidenceUrl;
        run.recordedAt = now;
        run.persist();
        return run;
    }

    /** Each test case of the requirement and whether its last run passed. */
    @Transactional
    public List<Requirements.Verdict> verdicts(UUID requirementId) {
        return TestCase.of(requirementId).stream()
                .map(t -> {
                    TestRun last = TestRun.last(t.id);
                    return new Requirements.Verdict(t.title, last != null && last.result == TestRun.Result.PASSED);
                })
                .toList();
    }
}
