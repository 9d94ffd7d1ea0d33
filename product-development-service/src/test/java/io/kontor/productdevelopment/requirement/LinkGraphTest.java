package io.kontor.productdevelopment.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkGraphTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void a_link_that_closes_a_loop_names_the_loop() {
        LinkGraph graph = new LinkGraph(List.of(link(b, c), link(c, a)));

        assertThat(graph.cycleIfLinked(a, List.of(b))).containsExactly(a, b, c, a);
    }

    @Test
    void a_link_to_itself_is_a_loop() {
        assertThat(new LinkGraph(List.of()).cycleIfLinked(a, List.of(a))).containsExactly(a, a);
    }

    @Test
    void a_diamond_is_no_loop() {
        LinkGraph graph = new LinkGraph(List.of(link(b, c), link(a, c)));

        assertThat(graph.cycleIfLinked(a, List.of(b))).isEmpty();
    }

    private static TraceLink link(UUID from, UUID to) {
        TraceLink link = new TraceLink();
        link.requirementId = from;
        link.targetId = to;
        return link;
    }
}
