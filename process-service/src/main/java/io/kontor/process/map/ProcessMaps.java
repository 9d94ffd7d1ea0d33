package io.kontor.process.map;

import io.kontor.process.monitor.ProcessDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map of a process drawn from what the code says: each step's event in the lane of the service that publishes it
 * (the catalogue), the arrows of the process definition, and on an arrow that crosses services the service that reacts
 * to the event. As Mermaid (flowchart) and as BPMN 2.0 XML (one process, a lane per service; where a step has
 * alternatives an exclusive gateway).
 */
public final class ProcessMaps {

    private ProcessMaps() {}

    record Edge(String from, String to) {}

    static List<Edge> edges(ProcessDefinition process) {
        List<Edge> edges = new ArrayList<>();
        for (String follows : process.follows()) {
            String[] parts = follows.split(" > ");
            edges.add(new Edge(parts[0], parts[1]));
        }
        return edges;
    }

    /** Steps in definition order, by node id ({@code s1}, {@code s2}, …). */
    private static Map<String, String> nodes(ProcessDefinition process) {
        Map<String, String> nodes = new LinkedHashMap<>();
        int i = 1;
        for (String step : new LinkedHashSet<>(process.steps().values())) {
            nodes.put(step, "s" + i++);
        }
        return nodes;
    }

    private static Map<String, List<String>> lanes(ProcessDefinition process, Catalogue catalogue) {
        Map<String, List<String>> lanes = new LinkedHashMap<>();
        process.steps()
                .forEach((type, step) -> lanes.computeIfAbsent(producer(catalogue, type), p -> new ArrayList<>())
                        .add(step));
        return lanes;
    }

    private static String producer(Catalogue catalogue, String type) {
        Catalogue.Entry entry = catalogue.of(type);
        return entry == null ? "unknown" : entry.producer();
    }

    /** The service that reacts to {@code from}'s event by publishing {@code to}'s, when the two are not the same. */
    static String reaction(ProcessDefinition process, Catalogue catalogue, Edge edge) {
        String from = producer(catalogue, process.typeOf(edge.from()));
        String to = producer(catalogue, process.typeOf(edge.to()));
        return from.equals(to) ? null : to;
    }

    public static String mermaid(ProcessDefinition process, Catalogue catalogue) {
        Map<String, String> nodes = nodes(process);
        StringBuilder out = new StringBuilder();
        out.append("%% ").append(process.title()).append('\n');
        out.append("%% generated from the event catalogue and the services' subscriptions: GET /api/v1/processes/maps/")
                .append(process.name())
                .append("/mermaid\n");
        out.append("flowchart LR\n");
        out.append("    start((start)) --> ")
                .append(nodes.get(process.step(process.startType())))
                .append('\n');
        lanes(process, catalogue).forEach((service, steps) -> {
            out.append("    subgraph ").append(service).append('\n');
            for (String step : steps) {
                String type = process.typeOf(step);
                out.append("        ")
                        .append(nodes.get(step))
                        .append("[\"")
                        .append(step)
                        .append("<br/><small>")
                        .append(type)
                        .append("</small>\"]\n");
            }
            out.append("    end\n");
        });
        for (Edge edge : edges(process)) {
            String reacting = reaction(process, catalogue, edge);
            out.append("    ").append(nodes.get(edge.from()));
            out.append(reacting == null ? " --> " : " -->|" + reacting + " reacts| ");
            out.append(nodes.get(edge.to())).append('\n');
        }
        return out.toString();
    }

    public static String bpmn(ProcessDefinition process, Catalogue catalogue) {
        Map<String, String> nodes = nodes(process);
        List<Edge> edges = edges(process);
        Set<String> withOutgoing = new LinkedHashSet<>();
        Map<String, List<String>> successors = new LinkedHashMap<>();
        edges.forEach(e -> {
            withOutgoing.add(e.from());
            successors.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        });
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"")
                .append(" id=\"kontor-")
                .append(process.name())
                .append("\" targetNamespace=\"urn:kontor:processes\">\n");
        x.append("  <bpmn:process id=\"")
                .append(process.name())
                .append("\" name=\"")
                .append(xml(process.title()))
                .append("\" isExecutable=\"false\">\n");
        x.append("    <bpmn:laneSet id=\"lanes\">\n");
        lanes(process, catalogue).forEach((service, steps) -> {
            x.append("      <bpmn:lane id=\"lane-")
                    .append(service)
                    .append("\" name=\"")
                    .append(service)
                    .append("\">\n");
            for (String step : steps) {
                x.append("        <bpmn:flowNodeRef>").append(nodes.get(step)).append("</bpmn:flowNodeRef>\n");
                if (successors.getOrDefault(step, List.of()).size() > 1) {
                    x.append("        <bpmn:flowNodeRef>g-")
                            .append(nodes.get(step))
                            .append("</bpmn:flowNodeRef>\n");
                }
            }
            x.append("      </bpmn:lane>\n");
        });
        x.append("    </bpmn:laneSet>\n");
        x.append("    <bpmn:startEvent id=\"start\"/>\n");
        List<String[]> flows = new ArrayList<>();
        flows.add(new String[] {"start", nodes.get(process.step(process.startType())), null});
        process.steps().forEach((type, step) -> {
            Catalogue.Entry entry = catalogue.of(type);
            x.append("    <bpmn:intermediateThrowEvent id=\"")
                    .append(nodes.get(step))
                    .append("\" name=\"")
                    .append(xml(step))
                    .append("\">\n");
            x.append("      <bpmn:documentation>")
                    .append(xml(type + " on " + (entry == null ? "?" : entry.topic()) + ", published by "
                            + producer(catalogue, type) + "; consumed by "
                            + (entry == null ? "" : String.join(", ", entry.consumers()))))
                    .append("</bpmn:documentation>\n");
            x.append("      <bpmn:messageEventDefinition/>\n");
            x.append("    </bpmn:intermediateThrowEvent>\n");
            List<String> next = successors.getOrDefault(step, List.of());
            if (next.size() > 1) {
                x.append("    <bpmn:exclusiveGateway id=\"g-")
                        .append(nodes.get(step))
                        .append("\"/>\n");
                flows.add(new String[] {nodes.get(step), "g-" + nodes.get(step), null});
                for (String to : next) {
                    flows.add(new String[] {
                        "g-" + nodes.get(step), nodes.get(to), reactionName(process, catalogue, step, to)
                    });
                }
            } else if (next.size() == 1) {
                flows.add(new String[] {
                    nodes.get(step), nodes.get(next.get(0)), reactionName(process, catalogue, step, next.get(0))
                });
            } else {
                flows.add(new String[] {nodes.get(step), "end-" + nodes.get(step), null});
                x.append("    <bpmn:endEvent id=\"end-").append(nodes.get(step)).append("\"/>\n");
            }
        });
        int i = 1;
        for (String[] flow : flows) {
            x.append("    <bpmn:sequenceFlow id=\"f")
                    .append(i++)
                    .append("\" sourceRef=\"")
                    .append(flow[0])
                    .append("\" targetRef=\"")
                    .append(flow[1])
                    .append('"');
            if (flow[2] != null) {
                x.append(" name=\"").append(xml(flow[2])).append('"');
            }
            x.append("/>\n");
        }
        x.append("  </bpmn:process>\n");
        x.append("</bpmn:definitions>\n");
        return x.toString();
    }

    private static String reactionName(ProcessDefinition process, Catalogue catalogue, String from, String to) {
        String reacting = reaction(process, catalogue, new Edge(from, to));
        return reacting == null ? null : reacting + " reacts";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
