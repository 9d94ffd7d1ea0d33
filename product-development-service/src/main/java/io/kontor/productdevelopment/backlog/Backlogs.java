package io.kontor.productdevelopment.backlog;

import io.kontor.platform.events.productdevelopment.BacklogItemCompleted;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.productdevelopment.delivery.Milestone;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.productdevelopment.requirement.Requirements;
import io.kontor.productdevelopment.requirement.TraceLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Backlogs, their items in order, iterations and the way of an item from OPEN to DONE. */
@ApplicationScoped
public class Backlogs {

    /** What a person decides about an item; the order is changed by moving it. */
    public record ItemContent(
            BacklogItem.Kind kind,
            String title,
            String description,
            BigDecimal estimate,
            UUID iterationId,
            UUID milestoneId,
            Collection<UUID> requirementIds) {}

    @Inject
    Requirements requirements;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Backlog open(String name, UUID projectId) {
        Backlog backlog = new Backlog();
        backlog.id = UUID.randomUUID();
        backlog.name = name.strip();
        backlog.projectId = projectId;
        backlog.createdAt = Instant.now(clock);
        backlog.persist();
        return backlog;
    }

    @Transactional
    public Iteration plan(UUID backlogId, String name, LocalDate startsOn, LocalDate endsOn, BigDecimal capacity) {
        Found.byId(Backlog.class, backlogId, "backlog");
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidFieldProblem("endsOn", "an iteration ends on or after its first day");
        }
        Iteration iteration = new Iteration();
        iteration.id = UUID.randomUUID();
        iteration.backlogId = backlogId;
        iteration.name = name.strip();
        iteration.startsOn = startsOn;
        iteration.endsOn = endsOn;
        iteration.capacity = capacity;
        iteration.createdAt = Instant.now(clock);
        iteration.persist();
        return iteration;
    }

    /** A new item goes to the end of the backlog. */
    @Transactional
    public BacklogItem add(UUID backlogId, ItemContent content) {
        Backlog.lock(backlogId);
        BacklogItem item = new BacklogItem();
        item.id = UUID.randomUUID();
        item.backlogId = backlogId;
        item.status = BacklogItem.Status.OPEN;
        item.createdAt = Instant.now(clock);
        List<BacklogItem> ordered = BacklogItem.ordered(backlogId);
        item.rank = Rank.between(ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).rank, null);
        apply(item, content);
        item.persist();
        relink(item, content.requirementIds());
        return item;
    }

    @Transactional
    public BacklogItem change(UUID backlogId, UUID itemId, ItemContent content) {
        Found.byId(Backlog.class, backlogId, "backlog");
        BacklogItem item =
                Found.byId(BacklogItem.class, itemId, "backlog item", found -> found.backlogId.equals(backlogId));
        apply(item, content);
        relink(item, content.requirementIds());
        return item;
    }

    /**
     * Puts the item right before or right after another item of the same backlog; only its own rank changes. Exactly
     * one of {@code before} and {@code after} is given.
     */
    @Transactional
    public BacklogItem move(UUID backlogId, UUID itemId, UUID before, UUID after) {
        if ((before == null) == (after == null)) {
            throw new InvalidFieldProblem(before == null ? "before" : "after", "give either before or after");
        }
        String field = before != null ? "before" : "after";
        UUID otherId = before != null ? before : after;
        Backlog.lock(backlogId);
        BacklogItem item =
                Found.byId(BacklogItem.class, itemId, "backlog item", found -> found.backlogId.equals(backlogId));
        BacklogItem other = BacklogItem.findById(otherId);
        if (other == null) {
            throw new InvalidFieldProblem(field, "no backlog item " + otherId);
        }
        if (!other.backlogId.equals(backlogId)) {
            // Ranks only compare within one backlog: a place next to another backlog's item means nothing here.
            throw new InvalidFieldProblem(field, "item " + otherId + " belongs to another backlog");
        }
        if (other.id.equals(item.id)) {
            throw new InvalidFieldProblem(field, "an item is not moved relative to itself");
        }
        List<BacklogItem> rest = BacklogItem.ordered(backlogId).stream()
                .filter(i -> !i.id.equals(item.id))
                .toList();
        int at = indexOf(rest, other.id);
        String low;
        String high;
        if (before != null) {
            low = at == 0 ? null : rest.get(at - 1).rank;
            high = other.rank;
        } else {
            low = other.rank;
            high = at == rest.size() - 1 ? null : rest.get(at + 1).rank;
        }
        item.rank = Rank.between(low, high);
        return item;
    }

    @Transactional
    public BacklogItem start(UUID backlogId, UUID itemId) {
        BacklogItem item =
                Found.byId(BacklogItem.class, itemId, "backlog item", found -> found.backlogId.equals(backlogId));
        item.start();
        return item;
    }

    /**
     * DONE: announced with the milestone it is delivered with and the requirements it implements; a requirement whose
     * items are all done is IMPLEMENTED.
     */
    @Transactional
    public BacklogItem complete(UUID backlogId, UUID itemId) {
        Backlog backlog = Found.byId(Backlog.class, backlogId, "backlog");
        BacklogItem item =
                Found.byId(BacklogItem.class, itemId, "backlog item", found -> found.backlogId.equals(backlogId));
        item.complete(Instant.now(clock));
        List<BacklogItemCompleted.RequirementReference> implemented = new ArrayList<>();
        for (TraceLink link : TraceLink.to(item.id, TraceLink.Kind.IMPLEMENTED_BY)) {
            Requirement requirement = Requirement.findById(link.requirementId);
            implemented.add(new BacklogItemCompleted.RequirementReference(
                    requirement.id, requirement.number, requirement.title, requirement.version));
            boolean allDone = TraceLink.from(requirement.id, TraceLink.Kind.IMPLEMENTED_BY).stream()
                    .map(l -> BacklogItem.<BacklogItem>findById(l.targetId))
                    .allMatch(i -> i != null && i.status == BacklogItem.Status.DONE);
            if (allDone) {
                requirements.implemented(requirement.id);
            }
        }
        outbox.publish(new BacklogItemCompleted(
                item.id,
                backlogId,
                item.kind.name(),
                item.title,
                projectOf(backlog, item),
                item.milestoneId,
                implemented,
                item.completedAt));
        return item;
    }

    /** The backlog's project, else the project of the milestone the item is delivered with, when known. */
    public static UUID projectOf(Backlog backlog, BacklogItem item) {
        if (backlog.projectId != null) {
            return backlog.projectId;
        }
        Milestone milestone = item.milestoneId == null ? null : Milestone.findById(item.milestoneId);
        return milestone == null ? null : milestone.projectId;
    }

    /** The estimates planned into an iteration. */
    public static BigDecimal load(UUID iterationId) {
        return BacklogItem.<BacklogItem>list("iterationId", iterationId).stream()
                .map(i -> i.estimate == null ? BigDecimal.ZERO : i.estimate)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void apply(BacklogItem item, ItemContent content) {
        if (content.iterationId() != null) {
            Iteration iteration = Iteration.findById(content.iterationId());
            if (iteration == null || !iteration.backlogId.equals(item.backlogId)) {
                throw new InvalidFieldProblem(
                        "iterationId", "no iteration " + content.iterationId() + " in this backlog");
            }
            BigDecimal others = BacklogItem.<BacklogItem>list("iterationId", iteration.id).stream()
                    .filter(i -> !i.id.equals(item.id))
                    .map(i -> i.estimate == null ? BigDecimal.ZERO : i.estimate)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal estimate = content.estimate() == null ? BigDecimal.ZERO : content.estimate();
            if (others.add(estimate).compareTo(iteration.capacity) > 0) {
                throw new InvalidFieldProblem(
                        "iterationId",
                        "iteration " + iteration.name + " has "
                                + iteration.capacity.subtract(others).max(BigDecimal.ZERO) + " of " + iteration.capacity
                                + " left; this item is estimated at " + estimate);
            }
        }
        item.kind = content.kind();
        item.title = content.title().strip();
        item.description = content.description();
        item.estimate = content.estimate();
        item.iterationId = content.iterationId();
        item.milestoneId = content.milestoneId();
    }

    private void relink(BacklogItem item, Collection<UUID> requirementIds) {
        Set<UUID> wanted = new LinkedHashSet<>(requirementIds == null ? List.of() : requirementIds);
        for (UUID id : wanted) {
            Requirement requirement = Requirement.findById(id);
            if (requirement == null) {
                throw new InvalidFieldProblem("requirementIds", "no requirement " + id);
            }
            if (requirement.status == Requirement.Status.REJECTED) {
                throw new InvalidFieldProblem("requirementIds", "requirement " + requirement.number + " was rejected");
            }
        }
        for (TraceLink link : TraceLink.to(item.id, TraceLink.Kind.IMPLEMENTED_BY)) {
            if (!wanted.remove(link.requirementId)) {
                link.delete();
            }
        }
        Instant now = Instant.now(clock);
        for (UUID id : wanted) {
            TraceLink.create(id, TraceLink.Kind.IMPLEMENTED_BY, item.id, now);
        }
    }

    private static int indexOf(List<BacklogItem> items, UUID id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id.equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("item " + id + " not in its backlog");
    }
}
