package io.kontor.hr.personnel;

import java.math.BigInteger;
import java.util.Locale;

/** IBAN check (ISO 13616): country, check digits, account; mod 97 of the rearranged number is 1. */
public final class Iban {

    private Iban() {}

    /** Upper case without blanks, as it is stored. */
    public static String normalise(String iban) {
        return iban == null ? null : iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String iban) {
        String compact = normalise(iban);
        if (compact == null || !compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        if (compact.startsWith("DE") && compact.length() != 22) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (compact.substring(4) + compact.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
