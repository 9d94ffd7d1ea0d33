package io.kontor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How answers reach the user: a table for people (the default), or the API's JSON or YAML unchanged for scripts
 * ({@code --output json|yaml}).
 */
public final class Output {

    public enum Format {
        table,
        json,
        yaml
    }

    private static final ObjectMapper JSON = Gateway.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    // A key column wider than this wraps the values into too narrow a strip to read.
    private static final int WIDEST_KEY = 28;

    private final PrintWriter out;
    private final Format format;
    private final int width;

    public Output(PrintWriter out, Format format, int width) {
        this.out = out;
        this.format = format;
        this.width = width;
    }

    public Format format() {
        return format;
    }

    /**
     * A list answer: a page ({@code {items, page, size, total}}) or a plain array. As a table the given columns, and a
     * hint when the page holds fewer than the total.
     */
    public void list(JsonNode answer, List<Column> columns) {
        if (format != Format.table) {
            data(answer);
            return;
        }
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        List<JsonNode> rows = new ArrayList<>();
        items.forEach(rows::add);
        if (rows.isEmpty()) {
            out.println("No results.");
            out.flush();
            return;
        }
        Table.render(columns, rows, width).forEach(out::println);
        long total = answer.path("total").asLong(rows.size());
        if (total > rows.size()) {
            int page = answer.path("page").asInt(0);
            out.println("Showing " + rows.size() + " of " + total + " (page " + page + "); --page " + (page + 1)
                    + " for more.");
        }
        out.flush();
    }

    /**
     * One object: as a table its fields as "key value" lines (nested objects with dotted keys, long text wrapped),
     * followed by one table for each list of objects in it (an invoice's lines).
     */
    public void object(JsonNode answer) {
        if (format != Format.table) {
            data(answer);
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        flatten("", answer, fields, sections);
        int keyWidth = Math.min(
                WIDEST_KEY,
                fields.keySet().stream().mapToInt(Table::length).max().orElse(0));
        int valueWidth = Math.max(20, width - keyWidth - Table.GAP.length());
        fields.forEach((key, value) -> {
            List<String> wrapped = wrap(value, valueWidth);
            for (int i = 0; i < wrapped.size(); i++) {
                String label = i == 0 ? Table.shorten(key, keyWidth) : "";
                out.println((label + " ".repeat(keyWidth - Table.length(label)) + Table.GAP + wrapped.get(i))
                        .stripTrailing());
            }
        });
        sections.forEach((key, rows) -> {
            out.println();
            out.println(Column.headerOf(key) + ":");
            List<JsonNode> list = new ArrayList<>();
            rows.forEach(list::add);
            Table.render(columnsOf(list), list, width).forEach(out::println);
        });
        out.flush();
    }

    /** The answer as it came, in JSON or YAML; in table mode as a "key value" listing. */
    public void data(JsonNode answer) {
        try {
            switch (format) {
                case json -> out.println(JSON.writeValueAsString(answer));
                case yaml -> out.print(YAML.writeValueAsString(answer));
                case table -> {
                    object(answer);
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** A sentence for a person in table mode; for scripts the data it reports. */
    public void done(String sentence, JsonNode data) {
        if (format == Format.table) {
            out.println(sentence);
            out.flush();
        } else {
            data(data);
        }
    }

    /** Text as it is (a Markdown report, a completion script). */
    public void text(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    /** One line as it is, flushed at once (a live event). */
    public void line(String line) {
        out.println(line);
        out.flush();
    }

    /** A compact one-line JSON document, for streams that a script reads line by line. */
    public static String compact(JsonNode node) {
        try {
            return Gateway.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flatten(
            String prefix, JsonNode node, Map<String, String> fields, Map<String, JsonNode> sections) {
        node.properties().forEach(entry -> {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, fields, sections);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                sections.put(key, value);
            } else {
                fields.put(key, Table.text(value));
            }
        });
    }

    private static List<Column> columnsOf(List<JsonNode> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> row.properties().forEach(e -> {
            if (e.getValue().isValueNode() || e.getValue().isNull()) {
                names.add(e.getKey());
            }
        }));
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            boolean number = rows.stream().anyMatch(r -> r.path(name).isNumber());
            Column column = Column.of(Column.headerOf(name), name);
            columns.add(number ? column.amount() : column);
        }
        return columns;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && Table.length(line.toString()) + 1 + Table.length(word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (Table.length(word) > width) {
                // A word longer than the line (a URL, a long id): hard break.
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
