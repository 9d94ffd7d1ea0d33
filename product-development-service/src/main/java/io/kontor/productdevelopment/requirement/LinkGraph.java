package io.kontor.productdevelopment.requirement;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parent or the depends-on links between requirements as a directed graph. A cycle would make "what does this
 * requirement need" and "what is its top level" endless questions, so a link that would close one is refused.
 */
final class LinkGraph {

    private final Map<UUID, Set<UUID>> edges = new HashMap<>();

    LinkGraph(Collection<TraceLink> links) {
        for (TraceLink link : links) {
            edges.computeIfAbsent(link.requirementId, k -> new HashSet<>()).add(link.targetId);
        }
    }

    /**
     * The path that linking {@code from} to {@code targets} (replacing its present links of this kind) would close,
     * from {@code from} back to itself; empty when there is none.
     */
    List<UUID> cycleIfLinked(UUID from, Collection<UUID> targets) {
        Map<UUID, UUID> reachedFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>();
        for (UUID target : targets) {
            if (target.equals(from)) {
                return List.of(from, from);
            }
            reachedFrom.put(target, from);
            queue.add(target);
        }
        while (!queue.isEmpty()) {
            UUID node = queue.poll();
            for (UUID next : edges.getOrDefault(node, Set.of())) {
                if (next.equals(from)) {
                    return path(reachedFrom, node, from);
                }
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, node);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private static List<UUID> path(Map<UUID, UUID> reachedFrom, UUID last, UUID from) {
        Deque<UUID> path = new ArrayDeque<>();
        path.addFirst(from);
        UUID node = last;
        while (!node.equals(from)) {
            path.addFirst(node);
            node = reachedFrom.get(node);
        }
        path.addFirst(from);
        return List.copyOf(path);
    }
}
