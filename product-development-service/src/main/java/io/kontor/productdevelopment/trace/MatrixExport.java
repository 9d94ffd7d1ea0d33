package io.kontor.productdevelopment.trace;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The matrix as CSV (RFC 4180), as Markdown and as a standalone HTML report for a customer or an auditor. */
public final class MatrixExport {

    static final List<String> COLUMNS = List.of(
            "Requirement",
            "Version",
            "Title",
            "Status",
            "Priority",
            "Customer",
            "Source",
            "Backlog items",
            "Test cases",
            "Milestone",
            "Invoice",
            "Suspect links");

    private MatrixExport() {}

    public static String csv(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        out.append(COLUMNS.stream().map(MatrixExport::csvField).collect(Collectors.joining(",")))
                .append("\r\n");
        for (Matrix.Row row : matrix.rows()) {
            out.append(cells(row).stream().map(MatrixExport::csvField).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    public static String markdown(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        out.append("# Traceability matrix\n\n");
        out.append("Scope: ")
                .append(matrix.scope())
                .append(" · as of ")
                .append(matrix.generatedOn())
                .append("\n\n");
        out.append(row(COLUMNS.stream().map(MatrixExport::markdownCell).toList()));
        out.append(row(COLUMNS.stream().map(c -> "---").toList()));
        for (Matrix.Row row : matrix.rows()) {
            out.append(row(cells(row).stream().map(MatrixExport::markdownCell).toList()));
        }
        out.append("\n## Coverage findings\n\n");
        if (matrix.findings().isEmpty()) {
            out.append("None.\n");
        }
        for (Matrix.Finding finding : matrix.findings()) {
            out.append("- **")
                    .append(finding.kind())
                    .append("** ")
                    .append(markdownCell(finding.subject()))
                    .append(": ")
                    .append(markdownCell(finding.detail()))
                    .append('\n');
        }
        return out.toString();
    }

    public static String html(Matrix matrix) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Traceability matrix – ")
                .append(html(matrix.scope()))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:0.9em}")
                .append("th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}")
                .append("th{background:#eee}tr.suspect td{background:#fff4e0}")
                .append(".finding{margin:0.2em 0}\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>Traceability matrix</h1>\n<p>Scope: ")
                .append(html(matrix.scope()))
                .append(" · as of ")
                .append(matrix.generatedOn())
                .append("</p>\n");
        long suspect = matrix.rows().stream().filter(r -> r.suspectLinks() > 0).count();
        long verified = matrix.rows().stream()
                .filter(r -> r.status().equals("VERIFIED"))
                .count();
        out.append("<p>")
                .append(matrix.rows().size())
                .append(" requirements, ")
                .append(verified)
                .append(" verified, ")
                .append(suspect)
                .append(" with suspect links, ")
                .append(matrix.findings().size())
                .append(" findings.</p>\n");
        out.append("<table>\n<thead><tr>");
        COLUMNS.forEach(c -> out.append("<th>").append(html(c)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (Matrix.Row row : matrix.rows()) {
            out.append(row.suspectLinks() > 0 ? "<tr class=\"suspect\">" : "<tr>");
            cells(row).forEach(c -> out.append("<td>").append(html(c)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n<h2>Coverage findings</h2>\n");
        if (matrix.findings().isEmpty()) {
            out.append("<p>None.</p>\n");
        } else {
            out.append("<ul>\n");
            for (Matrix.Finding finding : matrix.findings()) {
                out.append("<li class=\"finding\"><strong>")
                        .append(html(finding.kind().name()))
                        .append("</strong> ")
                        .append(html(finding.subject()))
                        .append(": ")
                        .append(html(finding.detail()))
                        .append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    static List<String> cells(Matrix.Row row) {
        return List.of(
                row.number(),
                Integer.toString(row.version()),
                row.title(),
                row.status(),
                row.priority(),
                nullToEmpty(row.customer()),
                nullToEmpty(row.source()),
                join(
                        row.items(),
                        i -> i.kind() + " " + i.title() + " (" + i.status()
                                + (i.iteration() == null ? "" : ", " + i.iteration()) + ")"
                                + (i.suspect() ? " ⚠" : "")),
                join(row.tests(), t -> t.title() + ": " + t.lastResult() + (t.suspect() ? " ⚠" : "")),
                join(
                        row.milestones(),
                        m -> (m.name() == null ? m.id().toString() : m.name())
                                + (m.completedOn() == null ? " (open)" : " (completed " + m.completedOn() + ")")),
                join(
                        row.milestones().stream()
                                .flatMap(m -> m.invoices().stream())
                                .toList(),
                        i -> i.number() + " (" + i.issueDate() + ")"),
                Integer.toString(row.suspectLinks()));
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining("; "));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String csvField(String value) {
        String text = nullToEmpty(value);
        // A leading =, +, - or @ makes a spreadsheet run the cell as a formula (CSV injection); quote it as text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String markdownCell(String value) {
        return nullToEmpty(value)
                .replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\r", "")
                .replace("\n", "<br>");
    }

    private static String html(String value) {
        return nullToEmpty(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
