package io.kontor.hr.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** School grades from 1 (very good) to 5 (poor), as German references are read. */
public record Ratings(int performance, int expertise, int reliability, int conduct) {

    public Ratings {
        for (int grade : new int[] {performance, expertise, reliability, conduct}) {
            if (grade < 1 || grade > 5) {
                throw new IllegalArgumentException("a grade is 1..5, not " + grade);
            }
        }
    }

    /**
     * The grade of the whole reference, which decides the closing formula. A reference must be benevolent (§109(2)
     * GewO, BAG 9 AZR 12/03): a mean halfway between two grades takes the better one.
     */
    public int overall() {
        BigDecimal mean = BigDecimal.valueOf(performance + expertise + reliability + conduct)
                .divide(BigDecimal.valueOf(4));
        return mean.setScale(0, RoundingMode.HALF_DOWN).intValueExact();
    }
}
