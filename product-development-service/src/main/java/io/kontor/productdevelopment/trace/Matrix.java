package io.kontor.productdevelopment.trace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The traceability matrix: per requirement where it came from, what implements it, what verifies it, which milestone
 * delivered it and which invoice billed that milestone; and what is missing (coverage findings).
 */
public record Matrix(LocalDate generatedOn, String scope, List<Row> rows, List<Finding> findings) {

    public record Row(
            UUID requirementId,
            String number,
            String title,
            int version,
            String status,
            String priority,
            String customer,
            String source,
            List<ItemCell> items,
            List<TestCell> tests,
            List<MilestoneCell> milestones,
            int suspectLinks) {}

    public record ItemCell(UUID id, String kind, String title, String status, String iteration, boolean suspect) {}

    /** {@code lastResult}: PASSED, FAILED or NOT_RUN. */
    public record TestCell(UUID id, String title, String lastResult, boolean suspect) {}

    /** {@code completedOn} null while project-office has not announced it completed. */
    public record MilestoneCell(UUID id, String name, LocalDate completedOn, List<InvoiceCell> invoices) {}

    public record InvoiceCell(UUID id, String number, LocalDate issueDate) {}

    public enum FindingKind {
        REQUIREMENT_WITHOUT_ITEMS,
        ITEM_WITHOUT_REQUIREMENT,
        REQUIREMENT_WITHOUT_PASSING_TESTS,
        SUSPECT_LINK,
        DELIVERED_NOT_BILLED
    }

    /** {@code subject}: the requirement's number or the item's title. */
    public record Finding(FindingKind kind, String subject, String detail) {}
}
