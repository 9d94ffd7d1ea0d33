package io.kontor.productdevelopment.backlog;

/**
 * Lexicographic ranks (as Jira's LexoRank): a backlog is ordered by a text key per item, and moving an item gives it a
 * key strictly between its new neighbours, so one row changes instead of every position after it. Keys use the digits
 * and lower-case letters, compare by their characters (the column's collation is "C") and never end in '0', so there is
 * always room between two of them.
 */
public final class Rank {

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private Rank() {}

    /** A key after {@code low} and before {@code high}; null stands for the start or the end of the backlog. */
    public static String between(String low, String high) {
        if (low != null && high != null && low.compareTo(high) >= 0) {
            throw new IllegalArgumentException(low + " is not before " + high);
        }
        StringBuilder key = new StringBuilder();
        String upper = high;
        for (int i = 0; ; i++) {
            int l = low != null && i < low.length() ? digit(low.charAt(i)) : 0;
            int h = upper != null && i < upper.length() ? digit(upper.charAt(i)) : BASE;
            if (l == h) {
                key.append(DIGITS.charAt(l));
                continue;
            }
            int middle = (l + h) / 2;
            if (middle > l) {
                return key.append(DIGITS.charAt(middle)).toString();
            }
            // Adjacent digits: keep the lower one, and from here on anything longer is below the upper key.
            key.append(DIGITS.charAt(l));
            upper = null;
        }
    }

    private static int digit(char c) {
        int digit = DIGITS.indexOf(c);
        if (digit < 0) {
            throw new IllegalArgumentException("not a rank digit: " + c);
        }
        return digit;
    }
}
