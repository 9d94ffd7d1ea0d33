package io.kontor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result file: Markdown built section by section and echoed to the console as it grows, so an aborted run still
 * shows what it measured. A hand-written "## Reading" section of an earlier file is kept at the end, marked as such,
 * because the numbers it talks about are about to change.
 */
public final class Report {

    static final String READING_HEADING = "## Reading";

    private final StringBuilder text = new StringBuilder();

    public Report title(String title) {
        return append("# " + title + "\n\n");
    }

    public Report heading(String title) {
        return append("\n## " + title + "\n\n");
    }

    public Report paragraph(String paragraph) {
        return append(paragraph.strip() + "\n\n");
    }

    public Report code(String code) {
        return append("```\n" + code.strip() + "\n```\n\n");
    }

    public Report table(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append(row(header));
        table.append(row(header.stream().map(column -> "---").toList()));
        rows.forEach(cells -> table.append(row(cells)));
        return append(table + "\n");
    }

    /** Writes the report, keeping the reading of an earlier file at {@code file} if it had one. */
    public void write(Path file) {
        try {
            String kept = "";
            if (Files.isRegularFile(file)) {
                kept = readingOf(Files.readString(file));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text + kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text.toString();
    }

    static String readingOf(String earlier) {
        int at = earlier.indexOf("\n" + READING_HEADING);
        return at < 0 ? "" : earlier.substring(at);
    }

    public static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : millis < 100 ? "%.1f" : "%.0f", millis);
    }

    public static String number(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value)
                ? "–"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private Report append(String part) {
        text.append(part);
        System.out.print(part);
        System.out.flush();
        return this;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
