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
import java.util.Locale;
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
 * <p>Stored form: {@code k<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}. The key id lets a later key rotation tell old
 * values from new ones; see docs/DECISIONS.md for how the key is managed.
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

    private SecretKey key;
    private SecretKey indexKey;
    private String keyId;

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
        byte[] secret = Base64.getDecoder().decode(encoded.strip());
        if (secret.length != 32) {
            throw new IllegalStateException(
                    "kontor.hr.personal-data.key must be base64 of 32 bytes (AES-256), not " + secret.length);
        }
        key = new SecretKeySpec(secret, "AES");
        indexKey =
                new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "kontor-hr-blind-index"), "HmacSHA256");
        keyId = config.personalData().keyId();
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
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return "k" + keyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** Decrypts what {@link #seal} wrote for the same context; a value moved elsewhere or altered fails. */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (colon < 0 || !sealed.substring(1, colon).equals(keyId)) {
            throw new IllegalStateException("personal data sealed with key " + sealed.substring(0, Math.max(colon, 0))
                    + ", but only key k" + keyId + " is configured");
        }
        try {
            byte[] data = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data of " + context, e);
        }
    }

    /** The blind index of a value: hex HMAC-SHA256 of its normalised form. */
    public String digest(String kind, String value) {
        return HexFormat.of().formatHex(hmac(indexKey, kind + ":" + normalise(value)));
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
