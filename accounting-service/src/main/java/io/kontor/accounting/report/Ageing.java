package io.kontor.accounting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Ageing of receivables by days past the due date. An item due today or later is NOT_DUE; overdue items fall into 0–30
 * (1 to 30 days past due), 31–60, 61–90 and over 90 days.
 */
public final class Ageing {

    public enum Bucket {
        NOT_DUE("not due"),
        DAYS_0_30("0-30"),
        DAYS_31_60("31-60"),
        DAYS_61_90("61-90"),
        OVER_90(">90");

        public final String label;

        Bucket(String label) {
            this.label = label;
        }
    }

    private Ageing() {}

    public static long daysPastDue(LocalDate dueDate, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }

    public static Bucket bucketOf(LocalDate dueDate, LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(dueDate, asOf);
        if (days <= 0) {
            return Bucket.NOT_DUE;
        }
        if (days <= 30) {
            return Bucket.DAYS_0_30;
        }
        if (days <= 60) {
            return Bucket.DAYS_31_60;
        }
        if (days <= 90) {
            return Bucket.DAYS_61_90;
        }
        return Bucket.OVER_90;
    }

    /**
     * Days sales outstanding, count-back-free form: open receivables / gross invoiced in the last {@code days} days ×
     * {@code days}, one decimal; null when nothing was invoiced in that window.
     */
    public static BigDecimal dso(BigDecimal receivables, BigDecimal invoicedInWindow, int days) {
        if (invoicedInWindow.signum() <= 0) {
            return null;
        }
        return receivables.multiply(BigDecimal.valueOf(days)).divide(invoicedInWindow, 1, RoundingMode.HALF_UP);
    }
}
