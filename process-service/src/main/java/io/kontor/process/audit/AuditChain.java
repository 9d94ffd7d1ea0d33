package io.kontor.process.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The hash chain: {@code hash(n) = SHA-256(hash(n-1) || canonical(n))}, the first entry chained to 64 zeros. The
 * canonical text is a JSON array of the entry's fields in a fixed order (no field can run into the next), with the
 * payload's object keys sorted, so the same entry always gives the same bytes.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    public static String hash(String previousHash, AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String canonical(AuditEntry entry) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        fields.add(entry.seq);
        fields.add(entry.kind.name());
        fields.add(entry.recordKind.name());
        fields.add(entry.eventId);
        fields.add(entry.eventType);
        fields.add(entry.topic);
        fields.add(entry.subject);
        fields.add(entry.actor);
        fields.add(entry.occurredAt.toString());
        fields.add(entry.recordedAt.toString());
        fields.add(entry.retainUntil.toString());
        fields.add(entry.payload);
        return fields.toString();
    }

    /** The JSON text with object keys sorted and no insignificant white space; text that is not JSON stays as it is. */
    public static String canonicalJson(String text) {
        if (text == null) {
            return "null";
        }
        try {
            return sorted(JSON.readTree(text)).toString();
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** The verdict on a chain read in order, and the first link that does not hold. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private Verification.BrokenLink broken;

        public void accept(AuditEntry entry) {
            if (broken != null) {
                return;
            }
            if (entry.seq != expectedSeq) {
                broken = new Verification.BrokenLink(
                        expectedSeq, null, null, "entry " + expectedSeq + " is missing (next is " + entry.seq + ")");
            } else if (!previousHash.equals(entry.previousHash)) {
                broken = Verification.BrokenLink.of(
                        entry, "its previous hash is not the hash of entry " + (entry.seq - 1));
            } else if (!hash(previousHash, entry).equals(entry.hash)) {
                broken = Verification.BrokenLink.of(entry, "its content does not give its hash: it was changed");
            } else {
                previousHash = entry.hash;
                expectedSeq++;
            }
        }

        /** Also checks that the chain ends where the head says: a removed last entry leaves the head ahead. */
        public Verification result(long headSeq, String headHash) {
            long verified = expectedSeq - 1;
            if (broken == null && (verified != headSeq || !previousHash.equals(headHash))) {
                broken = new Verification.BrokenLink(
                        verified + 1,
                        null,
                        null,
                        "the trail ends at entry " + verified + " but its head is " + headSeq);
            }
            return new Verification(broken == null, broken == null ? verified : broken.seq() - 1, headSeq, broken);
        }

        public static Verification verify(Iterator<AuditEntry> entries, long headSeq, String headHash) {
            Verifier verifier = new Verifier();
            entries.forEachRemaining(verifier::accept);
            return verifier.result(headSeq, headHash);
        }
    }
}
