package io.kontor.accounting.payment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds invoice numbers in a remittance text. Payers and banks mangle them: "RE-2030-000042", "re 2030 000042",
 * "RE2030000042", "RE-2030-42" are one number; separators may be a hyphen, a space, a slash, a dot or nothing, and the
 * serial may lose its leading zeros.
 */
public final class InvoiceNumberInText {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9])RE[\\s./-]{0,2}(\\d{4})[\\s./-]{0,2}(\\d{1,6})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private InvoiceNumberInText() {}

    /** The distinct invoice numbers the text names, in the order they appear, written the canonical way. */
    public static List<String> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add("RE-%s-%06d".formatted(matcher.group(1), Long.parseLong(matcher.group(2))));
        }
        return List.copyOf(numbers);
    }
}
