package io.kontor.accounting.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: comma, CRLF, fields quoted when they contain a comma, quote or line break; decimals with a point. */
public final class Csv {

    private Csv() {}

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(line(List.copyOf(header)));
        for (List<Object> row : rows) {
            csv.append(line(row));
        }
        return csv.toString();
    }

    private static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        // A leading =, +, - or @ would be a formula to a spreadsheet (CSV injection); numbers are not text here.
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
