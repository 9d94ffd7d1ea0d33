package io.kontor.hr.personnel;

import io.kontor.hr.HrConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts the sensitive fields of the personnel file at rest (Art. 32 GDPR): AES-256-GCM with a key from configuration
 * ({@code kontor.hr.personal-data.key}, base64 of 32 bytes), a fresh 12-byte nonce per value, and the table, column and
 * row id as associated data, so a value copied into another row or column no longer decrypts. A database dump, backup
 * or a replica read without the key shows no tax id, bank account or address.
 *
 * <p>Stored form: {@code k<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}. The key id names the key a value was sealed
 * with: after a rotation the new key seals, the old ones ({@code kontor.hr.personal-data.previous-keys}) still open,
 * and {@link PersonalDataRekeying} re-encrypts the old values until none is left; see docs/DECISIONS.md.
 *
 * <p>Values that must be found again (is this person already known?) also get a keyed digest (HMAC-SHA256 with a key
 * derived from the same secret), a "blind index": equal inputs give equal digests, but without the key a digest reveals
 * nothing and cannot be guessed by hashing candidate tax ids.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final Logger LOG = Logger.getLogger(PersonalDataCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Only for development and the local launcher, which runs the prod profile without secrets: known to everyone, so
     * it protects nothing.
     */
    static final String DEVELOPMENT_KEY = "a29udG9yLWRldmVsb3BtZW50LWtleS1uby1zZWNyZXQ=";

    private final SecureRandom random = new SecureRandom();

    @Inject
    HrConfig config;

    /** Every configured key by id: the current one and those still needed to read values sealed before a rotation. */
    private final Map<String, Keys> keys = new LinkedHashMap<>();

    private String keyId;

    /** The AES key that seals values and the HMAC key of the blind index derived from the same secret. */
    private record Keys(SecretKey aes, SecretKey index) {

        static Keys of(String encoded, String what) {
            byte[] secret = Base64.getDecoder().decode(encoded.strip());
            if (secret.length != 32) {
                throw new IllegalStateException(what + " must be base64 of 32 bytes (AES-256), not " + secret.length);
            }
            return new Keys(
                    new SecretKeySpec(secret, "AES"),
                    new SecretKeySpec(
                            hmac(new SecretKeySpec(secret, "HmacSHA256"), "kontor-hr-blind-index"), "HmacSHA256"));
        }
    }

    @PostConstruct
    void readKey() {
        String encoded = config.personalData().key().orElse(null);
        if (encoded == null || encoded.isBlank()) {
            // The local launcher marks its JVMs with kontor.local.app; anywhere else a missing key stops the service
            // rather than store personnel data readable by anyone with the database.
            if (System.getProperty("kontor.local.app") == null) {
                throw new IllegalStateException("kontor.hr.personal-data.key (KONTOR_HR_PERSONAL_DATA_KEY) is not set: "
                        + "HR encrypts tax ids, bank accounts and addresses with it (base64 of 32 random bytes)");
            }
            LOG.warn(
                    "KONTOR_HR_PERSONAL_DATA_KEY is not set: the local platform encrypts personnel data with the public"
                            + " development key");
            encoded = DEVELOPMENT_KEY;
        }
        useKeys(
                config.personalData().keyId(),
                encoded,
                config.personalData().previousKeys().orElse(List.of()));
    }

    /** A cipher outside CDI, for tests that play a rotation: {@code previous} entries are {@code <key id>:<base64>}. */
    static PersonalDataCipher withKeys(String currentId, String current, List<String> previous) {
        PersonalDataCipher cipher = new PersonalDataCipher();
        cipher.useKeys(currentId, current, previous);
        return cipher;
    }

    private void useKeys(String currentId, String current, List<String> previous) {
        keyId = currentId.strip();
        keys.put(keyId, Keys.of(current, "kontor.hr.personal-data.key"));
        for (String entry : previous) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(
                        "kontor.hr.personal-data.previous-keys entries are <key id>:<base64 key>, not " + entry);
            }
            String id = entry.substring(0, colon).strip();
            if (keys.containsKey(id)) {
                throw new IllegalStateException("personal-data key id " + id + " is configured twice");
            }
            keys.put(id, Keys.of(entry.substring(colon + 1), "kontor.hr.personal-data.previous-keys " + id));
        }
    }

    /** The id of the key that seals new values. */
    public String currentKeyId() {
        return keyId;
    }

    /**
     * Encrypts {@code plain} for one column of one row ({@code context}, e.g. "employee.tax_id/<id>"); null stays null.
     */
    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId).aes(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return "k" + keyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /**
     * Decrypts what {@link #seal} wrote for the same context, with the key it names (current or previous); a value
     * moved elsewhere or altered fails.
     */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        Keys sealedWith = colon < 1 ? null : keys.get(sealed.substring(1, colon));
        if (sealedWith == null) {
            throw new IllegalStateException("personal data sealed with key " + sealed.substring(0, Math.max(colon, 0))
                    + ", but only keys " + keys.keySet() + " are configured (kontor.hr.personal-data.previous-keys"
                    + " keeps the old ones until the re-encryption is done)");
        }
        try {
            byte[] data = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealedWith.aes(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data of " + context, e);
        }
    }

    /** Whether a stored value was sealed with another key than the current one, and so awaits re-encryption. */
    public boolean sealedWithOldKey(String sealed) {
        return sealed != null && !sealed.startsWith(currentPrefix());
    }

    /** How a value sealed with the current key begins: {@code k<key id>:}. */
    public String currentPrefix() {
        return "k" + keyId + ":";
    }

    /** The blind index of a value with the current key: hex HMAC-SHA256 of its normalised form. */
    public String digest(String kind, String value) {
        return digest(keys.get(keyId), kind, value);
    }

    /**
     * The value's blind index under every configured key, the current one first: until the re-encryption job has
     * recomputed them, rows written before a rotation carry a digest of an old key and are still found.
     */
    public List<String> digests(String kind, String value) {
        return keys.values().stream().map(k -> digest(k, kind, value)).toList();
    }

    private static String digest(Keys keys, String kind, String value) {
        return HexFormat.of().formatHex(hmac(keys.index(), kind + ":" + normalise(value)));
    }

    /** Case, accents written as combining marks, and blanks do not make two people different. */
    static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
