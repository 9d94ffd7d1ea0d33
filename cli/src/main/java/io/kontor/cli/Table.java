package io.kontor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Plain-text tables for a terminal of a given width (80 columns unless {@code COLUMNS} says otherwise): columns as wide
 * as their widest cell, and when the line would be too long the widest shortenable column gives way first, its cells
 * cut with "…". Columns marked {@link Column#whole()} keep their width; when the table still does not fit,
 * {@link Column#dispensable(int) dispensable} columns are left out, the most dispensable first.
 */
public final class Table {

    static final String GAP = "  ";
    static final char ELLIPSIS = '…';
    // A shortened column keeps at least its header and a few characters, or it stops saying anything.
    private static final int NARROWEST = 4;
    // "DISCOUNT PERCENT" over a column of "0": the header is cut to "DIS…" rather than the table made wider.
    private static final int SHORTEST_HEADER = 4;

    private Table() {}

    public static List<String> render(List<Column> columns, List<JsonNode> rows, int width) {
        List<Column> shown = new ArrayList<>(columns);
        while (fitted(shown, rows, width) > width) {
            Column leastNeeded = shown.stream()
                    .filter(c -> c.dispensable() > 0)
                    .max(Comparator.comparingInt(Column::dispensable))
                    .orElse(null);
            if (leastNeeded == null) {
                break;
            }
            shown.remove(leastNeeded);
        }
        return layout(shown, rows, width);
    }

    private static int fitted(List<Column> columns, List<JsonNode> rows, int width) {
        return total(fit(columns, cells(columns, rows), width));
    }

    private static List<List<String>> cells(List<Column> columns, List<JsonNode> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            for (Column column : columns) {
                line.add(cell(row, column.field()));
            }
            cells.add(line);
        }
        return cells;
    }

    private static List<String> layout(List<Column> columns, List<JsonNode> rows, int width) {
        List<List<String>> cells = cells(columns, rows);
        int[] widths = fit(columns, cells, width);
        List<String> lines = new ArrayList<>();
        lines.add(line(columns, columns.stream().map(Column::header).toList(), widths, true));
        for (List<String> row : cells) {
            lines.add(line(columns, row, widths, false));
        }
        return lines;
    }

    /** The text of one field of a row: numbers as written (no exponent), lists joined by commas, nothing for null. */
    public static String cell(JsonNode row, String field) {
        JsonNode value = row.at("/" + field.replace('.', '/'));
        return text(value);
    }

    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(", ");
            value.forEach(element -> joined.add(text(element)));
            return joined.toString();
        }
        if (value.isObject()) {
            StringJoiner joined = new StringJoiner(", ");
            value.properties().forEach(e -> joined.add(e.getKey() + "=" + text(e.getValue())));
            return joined.toString();
        }
        // One line per row, whatever the field holds.
        return value.asText().replaceAll("\\s*\\R\\s*", " ");
    }

    static int[] fit(List<Column> columns, List<List<String>> cells, int width) {
        int[] widths = new int[columns.size()];
        int[] narrowest = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            int widestCell = 0;
            for (List<String> row : cells) {
                widestCell = Math.max(widestCell, length(row.get(i)));
            }
            widths[i] = Math.max(length(columns.get(i).header()), widestCell);
            // A whole column keeps every value; only its header may be cut. Others keep at least their header.
            narrowest[i] = columns.get(i).keepWhole()
                    ? Math.max(widestCell, SHORTEST_HEADER)
                    : Math.max(NARROWEST, length(columns.get(i).header()));
        }
        while (total(widths) > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > narrowest[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
        }
        return widths;
    }

    static int total(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static String line(List<Column> columns, List<String> row, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String text = shorten(row.get(i), widths[i]);
            String padding = " ".repeat(widths[i] - length(text));
            boolean right = columns.get(i).rightAligned() && !header;
            line.append(right ? padding + text : text + padding);
        }
        return line.toString().stripTrailing();
    }

    public static String shorten(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        int keep = text.offsetByCodePoints(0, Math.max(0, width - 1));
        return text.substring(0, keep) + ELLIPSIS;
    }

    /** Characters as a terminal counts them (code points; umlauts are one). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
