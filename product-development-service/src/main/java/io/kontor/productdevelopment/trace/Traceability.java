package io.kontor.productdevelopment.trace;

import io.kontor.platform.time.BusinessCalendar;
import io.kontor.productdevelopment.ProductDevelopmentConfig;
import io.kontor.productdevelopment.backlog.Backlog;
import io.kontor.productdevelopment.backlog.BacklogItem;
import io.kontor.productdevelopment.backlog.Backlogs;
import io.kontor.productdevelopment.backlog.Iteration;
import io.kontor.productdevelopment.delivery.Milestone;
import io.kontor.productdevelopment.delivery.MilestoneInvoice;
import io.kontor.productdevelopment.delivery.Project;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.productdevelopment.requirement.TraceLink;
import io.kontor.productdevelopment.trace.Matrix.Finding;
import io.kontor.productdevelopment.trace.Matrix.FindingKind;
import io.kontor.productdevelopment.verification.TestCase;
import io.kontor.productdevelopment.verification.TestRun;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds the matrix from this service's own data and the replicas fed by sales', projects' and accounting's events. */
@ApplicationScoped
public class Traceability {

    @Inject
    BusinessCalendar calendar;

    /** Any of the three narrows the matrix; all null is everything. */
    public record Filter(UUID customerId, UUID projectId, UUID iterationId) {}

    @Inject
    Clock clock;

    @Inject
    ProductDevelopmentConfig config;

    @Transactional
    public Matrix matrix(Filter filter) {
        List<Requirement> requirements =
                Requirement.<Requirement>list("status <> ?1", Sort.by("number"), Requirement.Status.REJECTED).stream()
                        .filter(r -> filter.customerId() == null
                                || filter.customerId().equals(r.customerId))
                        .toList();
        Map<UUID, BacklogItem> items =
                BacklogItem.<BacklogItem>listAll().stream().collect(Collectors.toMap(i -> i.id, i -> i));
        Map<UUID, Backlog> backlogs = Backlog.<Backlog>listAll().stream().collect(Collectors.toMap(b -> b.id, b -> b));
        Map<UUID, Iteration> iterations =
                Iteration.<Iteration>listAll().stream().collect(Collectors.toMap(i -> i.id, i -> i));
        List<TraceLink> links = TraceLink.listAll();
        Map<UUID, List<TraceLink>> linksOf = links.stream().collect(Collectors.groupingBy(l -> l.requirementId));

        List<Matrix.Row> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Requirement requirement : requirements) {
            List<TraceLink> own = linksOf.getOrDefault(requirement.id, List.of());
            List<BacklogItem> implementing = own.stream()
                    .filter(l -> l.kind == TraceLink.Kind.IMPLEMENTED_BY)
                    .map(l -> items.get(l.targetId))
                    .filter(Objects::nonNull)
                    .toList();
            if (!inScope(requirement, implementing, backlogs, filter)) {
                continue;
            }
            List<Matrix.ItemCell> itemCells = own.stream()
                    .filter(l -> l.kind == TraceLink.Kind.IMPLEMENTED_BY && items.containsKey(l.targetId))
                    .map(l -> {
                        BacklogItem item = items.get(l.targetId);
                        Iteration iteration = item.iterationId == null ? null : iterations.get(item.iterationId);
                        return new Matrix.ItemCell(
                                item.id,
                                item.kind.name(),
                                item.title,
                                item.status.name(),
                                iteration == null ? null : iteration.name,
                                l.suspect);
                    })
                    .toList();
            List<Matrix.TestCell> testCells = own.stream()
                    .filter(l -> l.kind == TraceLink.Kind.VERIFIED_BY)
                    .map(l -> {
                        TestCase testCase = TestCase.findById(l.targetId);
                        TestRun last = TestRun.last(l.targetId);
                        return new Matrix.TestCell(
                                testCase.id, testCase.title, last == null ? "NOT_RUN" : last.result.name(), l.suspect);
                    })
                    .toList();
            List<Matrix.MilestoneCell> milestones = implementing.stream()
                    .map(i -> i.milestoneId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .map(Traceability::milestone)
                    .toList();
            int suspect = (int) own.stream().filter(l -> l.suspect).count();
            rows.add(new Matrix.Row(
                    requirement.id,
                    requirement.number,
                    requirement.title,
                    requirement.version,
                    requirement.status.name(),
                    requirement.priority.name(),
                    requirement.customerName,
                    source(requirement),
                    itemCells,
                    testCells,
                    milestones,
                    suspect));
            findings.addAll(findings(requirement, own, itemCells, testCells, milestones));
        }
        for (BacklogItem item : items.values().stream()
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .toList()) {
            boolean linked =
                    links.stream().anyMatch(l -> l.kind == TraceLink.Kind.IMPLEMENTED_BY && l.targetId.equals(item.id));
            if (!linked && filter.customerId() == null && itemInScope(item, backlogs, filter)) {
                findings.add(new Finding(
                        FindingKind.ITEM_WITHOUT_REQUIREMENT,
                        item.title,
                        item.kind + " in backlog " + backlogs.get(item.backlogId).name + " implements no requirement"));
            }
        }
        return new Matrix(calendar.today(), scope(filter, iterations), rows, findings);
    }

    private static List<Finding> findings(
            Requirement requirement,
            List<TraceLink> own,
            List<Matrix.ItemCell> items,
            List<Matrix.TestCell> tests,
            List<Matrix.MilestoneCell> milestones) {
        List<Finding> findings = new ArrayList<>();
        if (items.isEmpty()) {
            findings.add(new Finding(
                    FindingKind.REQUIREMENT_WITHOUT_ITEMS, requirement.number, "no backlog item implements it"));
        }
        if (requirement.status != Requirement.Status.DRAFT) {
            List<String> notPassed = tests.stream()
                    .filter(t -> !t.lastResult().equals("PASSED"))
                    .map(t -> t.title() + " (" + t.lastResult() + ")")
                    .toList();
            if (tests.isEmpty()) {
                findings.add(
                        new Finding(FindingKind.REQUIREMENT_WITHOUT_PASSING_TESTS, requirement.number, "no test case"));
            } else if (!notPassed.isEmpty()) {
                findings.add(new Finding(
                        FindingKind.REQUIREMENT_WITHOUT_PASSING_TESTS,
                        requirement.number,
                        "not passed: " + String.join(", ", notPassed)));
            }
        }
        for (TraceLink link : own) {
            if (link.suspect) {
                findings.add(new Finding(
                        FindingKind.SUSPECT_LINK,
                        requirement.number,
                        link.kind + " " + label(link, items, tests) + " since version " + link.suspectSince));
            }
        }
        for (Matrix.MilestoneCell milestone : milestones) {
            if (milestone.completedOn() != null && milestone.invoices().isEmpty()) {
                findings.add(new Finding(
                        FindingKind.DELIVERED_NOT_BILLED,
                        requirement.number,
                        "milestone " + milestone.name() + " completed on " + milestone.completedOn()
                                + ", no invoice bills it"));
            }
        }
        return findings;
    }

    private static String label(TraceLink link, List<Matrix.ItemCell> items, List<Matrix.TestCell> tests) {
        return switch (link.kind) {
            case IMPLEMENTED_BY ->
                items.stream()
                        .filter(i -> i.id().equals(link.targetId))
                        .map(Matrix.ItemCell::title)
                        .findFirst()
                        .orElse(link.targetId.toString());
            case VERIFIED_BY ->
                tests.stream()
                        .filter(t -> t.id().equals(link.targetId))
                        .map(Matrix.TestCell::title)
                        .findFirst()
                        .orElse(link.targetId.toString());
            case PARENT, DEPENDS_ON -> {
                Requirement other = Requirement.findById(link.targetId);
                yield other == null ? link.targetId.toString() : other.number;
            }
        };
    }

    private static Matrix.MilestoneCell milestone(UUID id) {
        Milestone milestone = Milestone.findById(id);
        List<Matrix.InvoiceCell> invoices = MilestoneInvoice.of(id).stream()
                .map(i -> new Matrix.InvoiceCell(i.invoiceId, i.invoiceNumber, i.issueDate))
                .toList();
        return milestone == null
                ? new Matrix.MilestoneCell(id, null, null, invoices)
                : new Matrix.MilestoneCell(id, milestone.name, milestone.completedOn, invoices);
    }

    private static boolean inScope(
            Requirement requirement, List<BacklogItem> items, Map<UUID, Backlog> backlogs, Filter filter) {
        if (filter.iterationId() != null
                && items.stream().noneMatch(i -> filter.iterationId().equals(i.iterationId))) {
            return false;
        }
        if (filter.projectId() == null) {
            return true;
        }
        Project fromOffer = requirement.sourceOfferId == null ? null : Project.ofOffer(requirement.sourceOfferId);
        if (fromOffer != null && fromOffer.id.equals(filter.projectId())) {
            return true;
        }
        return items.stream()
                .anyMatch(i -> filter.projectId().equals(Backlogs.projectOf(backlogs.get(i.backlogId), i)));
    }

    private static boolean itemInScope(BacklogItem item, Map<UUID, Backlog> backlogs, Filter filter) {
        if (filter.iterationId() != null && !filter.iterationId().equals(item.iterationId)) {
            return false;
        }
        return filter.projectId() == null
                || filter.projectId().equals(Backlogs.projectOf(backlogs.get(item.backlogId), item));
    }

    private static String source(Requirement requirement) {
        return switch (requirement.sourceKind) {
            case OFFER ->
                "Angebot "
                        + (requirement.sourceOfferNumber == null
                                ? requirement.sourceOfferId
                                : requirement.sourceOfferNumber)
                        + (requirement.sourceOfferLine == null ? "" : ", Pos. " + requirement.sourceOfferLine);
            case LEGAL -> requirement.sourceDocument;
            case INTERNAL -> "intern";
        };
    }

    private static String scope(Filter filter, Map<UUID, Iteration> iterations) {
        List<String> parts = new ArrayList<>();
        if (filter.customerId() != null) {
            String name = Requirement.<Requirement>list("customerId", filter.customerId()).stream()
                    .map(r -> r.customerName)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(filter.customerId().toString());
            parts.add("customer " + name);
        }
        if (filter.projectId() != null) {
            Project project = Project.findById(filter.projectId());
            parts.add("project " + (project == null ? filter.projectId() : project.name));
        }
        if (filter.iterationId() != null) {
            Iteration iteration = iterations.get(filter.iterationId());
            parts.add("iteration " + (iteration == null ? filter.iterationId() : iteration.name));
        }
        return parts.isEmpty() ? "all requirements" : String.join(", ", parts);
    }
}
