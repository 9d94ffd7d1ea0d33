package io.kontor.sales.customer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The format of an EU VAT identification number (USt-IdNr.), per member state as the European Commission's VIES
 * publishes it: a two-letter prefix (Greece uses EL, Northern Ireland XI) and the national number; for the member
 * states whose check-digit algorithm is published and was verified against ids known to be assigned (DE, AT, BE, FR,
 * IT, NL, EL) also the check digit. Whether the number is actually assigned is VIES's answer, not ours
 * ({@link VatIdConfirmation}).
 */
public final class VatIdFormat {

    private record Shape(Pattern pattern, String description) {
        static Shape of(String regex, String description) {
            return new Shape(Pattern.compile(regex), description);
        }
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("AT", Shape.of("ATU\\d{8}", "ATU followed by 8 digits")),
            Map.entry("BE", Shape.of("BE[01]\\d{9}", "BE followed by 10 digits starting with 0 or 1")),
            Map.entry("BG", Shape.of("BG\\d{9,10}", "BG followed by 9 or 10 digits")),
            Map.entry("CY", Shape.of("CY\\d{8}[A-Z]", "CY followed by 8 digits and a letter")),
            Map.entry("CZ", Shape.of("CZ\\d{8,10}", "CZ followed by 8 to 10 digits")),
            Map.entry("DE", Shape.of("DE\\d{9}", "DE followed by 9 digits")),
            Map.entry("DK", Shape.of("DK\\d{8}", "DK followed by 8 digits")),
            Map.entry("EE", Shape.of("EE\\d{9}", "EE followed by 9 digits")),
            Map.entry("EL", Shape.of("EL\\d{9}", "EL followed by 9 digits")),
            Map.entry(
                    "ES",
                    Shape.of(
                            "ES[A-Z0-9]\\d{7}[A-Z0-9]",
                            "ES followed by 9 characters: a letter or digit, 7 digits, a letter or digit")),
            Map.entry("FI", Shape.of("FI\\d{8}", "FI followed by 8 digits")),
            Map.entry("FR", Shape.of("FR[A-HJ-NP-Z0-9]{2}\\d{9}", "FR followed by a 2-character key and 9 digits")),
            Map.entry("HR", Shape.of("HR\\d{11}", "HR followed by 11 digits")),
            Map.entry("HU", Shape.of("HU\\d{8}", "HU followed by 8 digits")),
            Map.entry(
                    "IE",
                    Shape.of(
                            "IE(\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W])",
                            "IE followed by 8 or 9 characters, e.g. IE6388047V")),
            Map.entry("IT", Shape.of("IT\\d{11}", "IT followed by 11 digits")),
            Map.entry("LT", Shape.of("LT(\\d{9}|\\d{12})", "LT followed by 9 or 12 digits")),
            Map.entry("LU", Shape.of("LU\\d{8}", "LU followed by 8 digits")),
            Map.entry("LV", Shape.of("LV\\d{11}", "LV followed by 11 digits")),
            Map.entry("MT", Shape.of("MT\\d{8}", "MT followed by 8 digits")),
            Map.entry("NL", Shape.of("NL\\d{9}B\\d{2}", "NL followed by 9 digits, B and 2 digits")),
            Map.entry("PL", Shape.of("PL\\d{10}", "PL followed by 10 digits")),
            Map.entry("PT", Shape.of("PT\\d{9}", "PT followed by 9 digits")),
            Map.entry("RO", Shape.of("RO[1-9]\\d{1,9}", "RO followed by 2 to 10 digits")),
            Map.entry("SE", Shape.of("SE\\d{10}01", "SE followed by 12 digits ending in 01")),
            Map.entry("SI", Shape.of("SI\\d{8}", "SI followed by 8 digits")),
            Map.entry("SK", Shape.of("SK\\d{10}", "SK followed by 10 digits")),
            Map.entry(
                    "XI",
                    Shape.of(
                            "XI(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})",
                            "XI followed by 9 or 12 digits, or GD/HA and 3 digits")));

    /** Check digits of the national number (without the prefix), per member state. */
    private static final Map<String, Predicate<String>> CHECK_DIGITS = Map.of(
            "DE", VatIdFormat::germanCheckDigit,
            "AT", VatIdFormat::austrianCheckDigit,
            "BE", VatIdFormat::belgianCheckDigits,
            "FR", VatIdFormat::frenchKey,
            "IT", VatIdFormat::luhn,
            "NL", VatIdFormat::dutchCheckDigit,
            "EL", VatIdFormat::greekCheckDigit);

    /** Spaces, dots and hyphens are how people write the number on letterheads, not part of it. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    private VatIdFormat() {}

    /** The VAT id as stored and printed: upper case without separators; null when none was given. */
    public static String normalize(String vatId) {
        if (vatId == null || vatId.isBlank()) {
            return null;
        }
        return SEPARATORS.matcher(vatId).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Why {@code vatId} is not an EU VAT id, or empty when its format is right (or none was given). */
    public static Optional<String> problem(String vatId) {
        String normalized = normalize(vatId);
        if (normalized == null) {
            return Optional.empty();
        }
        if (normalized.length() < 2 || !SHAPES.containsKey(normalized.substring(0, 2))) {
            return Optional.of("is not an EU VAT id: it must start with a member state prefix such as DE, AT or FR");
        }
        Shape shape = SHAPES.get(normalized.substring(0, 2));
        if (!shape.pattern().matcher(normalized).matches()) {
            return Optional.of("is not a valid VAT id: it must be " + shape.description());
        }
        Predicate<String> checkDigits = CHECK_DIGITS.get(normalized.substring(0, 2));
        if (checkDigits != null && !checkDigits.test(normalized.substring(2))) {
            return Optional.of("is not a valid VAT id: its check digit is wrong (mistyped?)");
        }
        return Optional.empty();
    }

    /**
     * The ISO 3166-1 country of a VAT id's prefix: Greece's ids start with EL, Northern Ireland's (part of GB) with XI.
     */
    public static String countryOf(String vatId) {
        String prefix = normalize(vatId).substring(0, 2);
        return switch (prefix) {
            case "EL" -> "GR";
            case "XI" -> "GB";
            default -> prefix;
        };
    }

    /** ISO 7064 MOD 11,10 over the first eight digits (Bundeszentralamt für Steuern). */
    private static boolean germanCheckDigit(String digits) {
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digit(digits, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == digit(digits, 8);
    }

    /** "U" and seven digits weighted 1,2,1,2,... (cross sums of the doubled ones), plus 4, to the next ten. */
    private static boolean austrianCheckDigit(String uAndDigits) {
        String digits = uAndDigits.substring(1);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int d = digit(digits, i);
            sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
        }
        return (10 - (sum + 4) % 10) % 10 == digit(digits, 7);
    }

    /** The last two digits are 97 less the first eight modulo 97. */
    private static boolean belgianCheckDigits(String digits) {
        long first = Long.parseLong(digits.substring(0, 8));
        return 97 - first % 97 == Long.parseLong(digits.substring(8));
    }

    /** A numeric key is (12 + 3 × (SIREN mod 97)) mod 97; the newer alphanumeric keys have no published algorithm. */
    private static boolean frenchKey(String keyAndSiren) {
        String key = keyAndSiren.substring(0, 2);
        if (!key.chars().allMatch(Character::isDigit)) {
            return true;
        }
        long siren = Long.parseLong(keyAndSiren.substring(2));
        return Integer.parseInt(key) == (12 + 3 * (siren % 97)) % 97;
    }

    /** Italy's partita IVA: the Luhn algorithm over all eleven digits. */
    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digit(digits, digits.length() - 1 - i);
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /**
     * The old numbers: weights 9..2 over eight digits, modulo 11, is the ninth. Numbers issued to sole traders since
     * 2020 instead satisfy ISO 7064 MOD 97-10 over "NL" + number (letters as 10..35), like an IBAN.
     */
    private static boolean dutchCheckDigit(String number) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += digit(number, i) * (9 - i);
        }
        if (sum % 11 == digit(number, 8)) {
            return true;
        }
        StringBuilder numeric = new StringBuilder();
        for (char c : ("NL" + number).toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new java.math.BigInteger(numeric.toString())
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue()
                == 1;
    }

    /** Weights 256, 128, ..., 2 over eight digits, modulo 11, modulo 10. */
    private static boolean greekCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += digit(digits, i) << (8 - i);
        }
        return sum % 11 % 10 == digit(digits, 8);
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    public static boolean isValid(String vatId) {
        return problem(vatId).isEmpty();
    }
}
