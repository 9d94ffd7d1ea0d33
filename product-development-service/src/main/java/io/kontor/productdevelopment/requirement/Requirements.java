package io.kontor.productdevelopment.requirement;

import io.kontor.platform.events.productdevelopment.RequirementApproved;
import io.kontor.platform.events.productdevelopment.RequirementChanged;
import io.kontor.platform.events.productdevelopment.RequirementVerified;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Files, changes, approves, rejects and verifies requirements, and keeps their links honest. */
@ApplicationScoped
public class Requirements {

    /** What a requirement says; its links and source are not content, changing them makes no new version. */
    public record Content(
            String title,
            String description,
            Requirement.Kind kind,
            Requirement.Priority priority,
            List<String> acceptanceCriteria) {}

    public record Source(
            Requirement.SourceKind kind,
            UUID offerId,
            String offerNumber,
            Integer offerLine,
            String document,
            UUID customerId,
            String customerName) {}

    @Inject
    RequirementNumbers numbers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Requirement file(Content content, Source source, UUID parentId, Collection<UUID> dependsOn, String author) {
        checkSource(source);
        Requirement requirement = new Requirement();
        requirement.id = UUID.randomUUID();
        apply(requirement, content);
        requirement.sourceKind = source.kind();
        requirement.sourceOfferId = source.offerId();
        requirement.sourceOfferNumber = source.offerNumber();
        requirement.sourceOfferLine = source.offerLine();
        requirement.sourceDocument = source.document();
        requirement.customerId = source.customerId();
        requirement.customerName = source.customerName();
        requirement.status = Requirement.Status.DRAFT;
        requirement.version = 1;
        requirement.createdBy = author;
        requirement.createdAt = Instant.now(clock);
        // Links are checked before the number is drawn, so a refused request leaves no gap.
        checkLinks(requirement.id, parentId, dependsOn);
        requirement.number = numbers.next();
        requirement.persist();
        relink(requirement, parentId, dependsOn);
        return requirement;
    }

    /**
     * Changes what a requirement says and how it is linked. A draft changes in place; an approved requirement gets a
     * new version (the previous one stays in the history) and every link to or from it becomes suspect; a verified one
     * is no longer verified.
     */
    @Transactional
    public Requirement change(UUID id, Content content, UUID parentId, Collection<UUID> dependsOn, String who) {
        Requirement requirement = Found.byId(Requirement.class, id, "requirement");
        if (requirement.status == Requirement.Status.REJECTED) {
            throw new ConflictProblem("requirement " + requirement.number + " was rejected; file a new one");
        }
        checkLinks(id, parentId, dependsOn);
        List<String> changed = changedFields(requirement, content);
        relink(requirement, parentId, dependsOn);
        if (changed.isEmpty()) {
            return requirement;
        }
        apply(requirement, content);
        if (!requirement.status.isBaselined()) {
            return requirement;
        }
        Instant now = Instant.now(clock);
        requirement.version++;
        RequirementVersion.of(requirement, who, now).persist();
        if (requirement.status == Requirement.Status.VERIFIED) {
            requirement.status = Requirement.Status.IMPLEMENTED;
            requirement.verifiedAt = null;
        }
        int suspect = markSuspect(requirement);
        outbox.publish(new RequirementChanged(
                requirement.id,
                requirement.number,
                requirement.title,
                requirement.version,
                changed,
                suspect,
                who,
                now));
        return requirement;
    }

    @Transactional
    public Requirement approve(UUID id, String who) {
        Requirement requirement = Found.byId(Requirement.class, id, "requirement");
        if (requirement.status != Requirement.Status.DRAFT) {
            throw new ConflictProblem(
                    "requirement " + requirement.number + " is " + requirement.status + "; only a DRAFT is approved");
        }
        if (requirement.acceptanceCriteria.isEmpty()) {
            // Without a criterion nobody can say when it is done, and no test case can be derived from it.
            throw new InvalidFieldProblem(
                    "acceptanceCriteria", "a requirement needs acceptance criteria to be approved");
        }
        Instant now = Instant.now(clock);
        requirement.status = Requirement.Status.APPROVED;
        requirement.approvedAt = now;
        RequirementVersion.of(requirement, who, now).persist();
        outbox.publish(new RequirementApproved(
                requirement.id,
                requirement.number,
                requirement.title,
                requirement.version,
                requirement.kind.name(),
                requirement.priority.name(),
                requirement.customerId,
                requirement.sourceOfferId,
                who,
                now));
        return requirement;
    }

    @Transactional
    public Requirement reject(UUID id) {
        Requirement requirement = Found.byId(Requirement.class, id, "requirement");
        if (requirement.status != Requirement.Status.DRAFT && requirement.status != Requirement.Status.APPROVED) {
            throw new ConflictProblem("requirement " + requirement.number + " is " + requirement.status
                    + "; only a DRAFT or APPROVED one is rejected");
        }
        requirement.status = Requirement.Status.REJECTED;
        return requirement;
    }

    @Transactional
    public TraceLink confirm(UUID requirementId, UUID linkId, String who) {
        Found.byId(Requirement.class, requirementId, "requirement");
        TraceLink link =
                Found.byId(TraceLink.class, linkId, "link", found -> found.requirementId.equals(requirementId));
        if (link.suspect) {
            link.suspect = false;
            link.confirmedBy = who;
            link.confirmedAt = Instant.now(clock);
        }
        return link;
    }

    /**
     * VERIFIED once implemented, every test case last passed and no link is suspect: a suspect test case was written
     * for an earlier version and proves nothing about this one.
     */
    @Transactional
    public Requirement verify(UUID id, List<Verdict> testCases, String who) {
        Requirement requirement = Found.byId(Requirement.class, id, "requirement");
        if (requirement.status != Requirement.Status.IMPLEMENTED) {
            throw new ConflictProblem("requirement " + requirement.number + " is " + requirement.status
                    + "; only an IMPLEMENTED one is verified");
        }
        if (testCases.isEmpty()) {
            throw new InvalidFieldProblem("testCases", "requirement " + requirement.number + " has no test case");
        }
        List<String> notPassed = testCases.stream()
                .filter(verdict -> !verdict.lastPassed())
                .map(Verdict::title)
                .toList();
        if (!notPassed.isEmpty()) {
            throw new InvalidFieldProblem("testCases", "not passed in their last run: " + String.join(", ", notPassed));
        }
        long suspect = TraceLink.from(id).stream().filter(link -> link.suspect).count();
        if (suspect > 0) {
            throw new InvalidFieldProblem(
                    "links", suspect + " link(s) are suspect since a change; confirm them before verifying");
        }
        Instant now = Instant.now(clock);
        requirement.status = Requirement.Status.VERIFIED;
        requirement.verifiedAt = now;
        outbox.publish(new RequirementVerified(
                requirement.id, requirement.number, requirement.version, testCases.size(), who, now));
        return requirement;
    }

    /** A test case of the requirement and whether its last run passed. */
    public record Verdict(String title, boolean lastPassed) {}

    /** Every item implementing an APPROVED requirement is done: the requirement is IMPLEMENTED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void implemented(UUID requirementId) {
        Requirement requirement = Requirement.findById(requirementId);
        if (requirement != null && requirement.status == Requirement.Status.APPROVED) {
            requirement.status = Requirement.Status.IMPLEMENTED;
        }
    }

    private int markSuspect(Requirement requirement) {
        List<TraceLink> links = new ArrayList<>(TraceLink.from(requirement.id));
        links.addAll(TraceLink.to(requirement.id, TraceLink.Kind.PARENT));
        links.addAll(TraceLink.to(requirement.id, TraceLink.Kind.DEPENDS_ON));
        for (TraceLink link : links) {
            link.suspect = true;
            link.suspectSince = requirement.version;
            link.confirmedBy = null;
            link.confirmedAt = null;
        }
        return links.size();
    }

    private static void checkSource(Source source) {
        switch (source.kind()) {
            case OFFER -> {
                if (source.offerId() == null) {
                    throw new InvalidFieldProblem("source.offerId", "a requirement from an offer names the offer");
                }
                Requirement filed = source.offerLine() == null
                        ? null
                        : Requirement.fromOfferLine(source.offerId(), source.offerLine());
                if (filed != null) {
                    // One requirement per offer line: the matrix follows a line to exactly one row.
                    throw new ConflictProblem("line " + source.offerLine() + " of offer " + source.offerId()
                            + " is requirement " + filed.number);
                }
            }
            case LEGAL -> {
                if (source.document() == null || source.document().isBlank()) {
                    throw new InvalidFieldProblem(
                            "source.document", "a legal requirement names the document and its version");
                }
            }
            case INTERNAL -> {}
        }
    }

    private static void checkLinks(UUID id, UUID parentId, Collection<UUID> dependsOn) {
        if (parentId != null) {
            exists("parentId", parentId);
            List<UUID> cycle =
                    new LinkGraph(TraceLink.ofKind(TraceLink.Kind.PARENT)).cycleIfLinked(id, List.of(parentId));
            if (!cycle.isEmpty()) {
                throw new InvalidFieldProblem("parentId", "would make a cycle: " + numbers(cycle, id));
            }
        }
        if (!dependsOn.isEmpty()) {
            for (UUID target : dependsOn) {
                exists("dependsOn", target);
            }
            List<TraceLink> others = TraceLink.ofKind(TraceLink.Kind.DEPENDS_ON).stream()
                    .filter(link -> !link.requirementId.equals(id))
                    .toList();
            List<UUID> cycle = new LinkGraph(others).cycleIfLinked(id, dependsOn);
            if (!cycle.isEmpty()) {
                throw new InvalidFieldProblem("dependsOn", "would make a cycle: " + numbers(cycle, id));
            }
        }
    }

    private static void exists(String field, UUID id) {
        if (Requirement.findById(id) == null) {
            throw new InvalidFieldProblem(field, "no requirement " + id);
        }
    }

    private static String numbers(List<UUID> cycle, UUID self) {
        return cycle.stream()
                .map(id -> {
                    Requirement requirement = Requirement.findById(id);
                    return requirement == null
                            ? (id.equals(self) ? "this requirement" : id.toString())
                            : requirement.number;
                })
                .collect(Collectors.joining(" → "));
    }

    private void relink(Requirement requirement, UUID parentId, Collection<UUID> dependsOn) {
        Instant now = Instant.now(clock);
        List<TraceLink> parents = TraceLink.from(requirement.id, TraceLink.Kind.PARENT);
        for (TraceLink link : parents) {
            if (!link.targetId.equals(parentId)) {
                link.delete();
            }
        }
        if (parentId != null && parents.stream().noneMatch(link -> link.targetId.equals(parentId))) {
            TraceLink.getEntityManager().flush();
            TraceLink.create(requirement.id, TraceLink.Kind.PARENT, parentId, now);
        }
        Set<UUID> wanted = new LinkedHashSet<>(dependsOn);
        List<TraceLink> present = TraceLink.from(requirement.id, TraceLink.Kind.DEPENDS_ON);
        for (TraceLink link : present) {
            if (!wanted.remove(link.targetId)) {
                link.delete();
            }
        }
        for (UUID target : wanted) {
            TraceLink.create(requirement.id, TraceLink.Kind.DEPENDS_ON, target, now);
        }
    }

    private static void apply(Requirement requirement, Content content) {
        requirement.title = content.title().strip();
        requirement.description = content.description() == null ? "" : content.description();
        requirement.kind = content.kind();
        requirement.priority = content.priority();
        requirement.acceptanceCriteria = criteria(content.acceptanceCriteria());
    }

    private static List<String> criteria(List<String> criteria) {
        return criteria == null
                ? List.of()
                : criteria.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    static List<String> changedFields(Requirement requirement, Content content) {
        List<String> changed = new ArrayList<>();
        if (!requirement.title.equals(content.title().strip())) {
            changed.add("title");
        }
        if (!requirement.description.equals(content.description() == null ? "" : content.description())) {
            changed.add("description");
        }
        if (requirement.kind != content.kind()) {
            changed.add("kind");
        }
        if (requirement.priority != content.priority()) {
            changed.add("priority");
        }
        if (!Objects.equals(requirement.acceptanceCriteria, criteria(content.acceptanceCriteria()))) {
            changed.add("acceptanceCriteria");
        }
        return changed;
    }
}
