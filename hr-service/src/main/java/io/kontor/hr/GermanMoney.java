package io.kontor.hr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as German documents write them: 58.000,00 EUR. */
public final class GermanMoney {

    private GermanMoney() {}

    public static String format(BigDecimal amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " " + currency;
    }

    public static String hours(BigDecimal hours) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(hours);
    }
}
