package io.kontor.productdevelopment.requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence): unchanged lines start with a blank, removed ones with "-",
 * added ones with "+", as in a unified diff without hunks. Requirements are short, so the quadratic table is fine.
 */
final class TextDiff {

    private TextDiff() {}

    static List<String> lines(String before, String after) {
        String[] a = split(before);
        String[] b = split(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(" " + a[i++]);
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add("-" + a[i++]);
            } else {
                diff.add("+" + b[j++]);
            }
        }
        while (i < a.length) {
            diff.add("-" + a[i++]);
        }
        while (j < b.length) {
            diff.add("+" + b[j++]);
        }
        return diff;
    }

    private static String[] split(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
    }
}
