package io.kontor.productdevelopment.requirement;

import io.kontor.productdevelopment.backlog.BacklogItem;
import io.kontor.productdevelopment.verification.TestCase;

/** What a link points at, as a person reads it. */
final class TraceTargets {

    private TraceTargets() {}

    static String label(TraceLink link) {
        return switch (link.kind) {
            case PARENT, DEPENDS_ON -> {
                Requirement requirement = Requirement.findById(link.targetId);
                yield requirement == null ? null : requirement.number;
            }
            case IMPLEMENTED_BY -> {
                BacklogItem item = BacklogItem.findById(link.targetId);
                yield item == null ? null : item.title;
            }
            case VERIFIED_BY -> {
                TestCase testCase = TestCase.findById(link.targetId);
                yield testCase == null ? null : testCase.title;
            }
        };
    }
}
