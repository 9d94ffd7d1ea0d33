package io.kontor.hr.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key rotation of the personnel data's encryption (Art. 32(1)(a) GDPR: encryption whose keys can be replaced when one
 * may have leaked): each value names its key, old keys still open, only the current one seals.
 */
class PersonalDataCipherTest {

    private static final String KEY_1 = "a29udG9yLWRldmVsb3BtZW50LWtleS1uby1zZWNyZXQ=";
    private static final String KEY_2 = "dGVzdC1rZXktMi1hZnRlci10aGUtcm90YXRpb24tLS0=";
    private static final String CONTEXT = "employee.tax_id/0d4f5c3e";

    private final PersonalDataCipher beforeRotation = PersonalDataCipher.withKeys("1", KEY_1, List.of());
    private final PersonalDataCipher afterRotation = PersonalDataCipher.withKeys("2", KEY_2, List.of("1:" + KEY_1));
    private final PersonalDataCipher oldKeyDropped = PersonalDataCipher.withKeys("2", KEY_2, List.of());

    @Test
    void a_value_sealed_before_the_rotation_is_read_after_it_and_resealed_with_the_new_key() {
        String old = beforeRotation.seal("12345678901", CONTEXT);

        assertThat(old).startsWith("k1:");
        assertThat(afterRotation.sealedWithOldKey(old)).isTrue();
        assertThat(afterRotation.open(old, CONTEXT)).isEqualTo("12345678901");

        String resealed = afterRotation.seal(afterRotation.open(old, CONTEXT), CONTEXT);
        assertThat(resealed).startsWith("k2:");
        assertThat(afterRotation.sealedWithOldKey(resealed)).isFalse();
        assertThat(oldKeyDropped.open(resealed, CONTEXT)).isEqualTo("12345678901");
    }

    @Test
    void once_the_old_key_is_dropped_a_value_it_sealed_is_unreadable_and_says_which_key_it_needs() {
        String old = beforeRotation.seal("12345678901", CONTEXT);

        assertThatThrownBy(() -> oldKeyDropped.open(old, CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k1")
                .hasMessageContaining("previous-keys");
    }

    @Test
    void a_value_labelled_with_a_key_it_was_not_sealed_with_does_not_open() {
        String relabelled = "k1:" + afterRotation.seal("12345678901", CONTEXT).substring(3);

        assertThatThrownBy(() -> afterRotation.open(relabelled, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_blind_index_is_found_under_the_old_key_until_it_is_recomputed() {
        String oldDigest = beforeRotation.digest("tax-id", "12345678901");

        assertThat(afterRotation.digest("tax-id", "12345678901")).isNotEqualTo(oldDigest);
        assertThat(afterRotation.digests("tax-id", "12345678901")).contains(oldDigest);
        assertThat(oldKeyDropped.digests("tax-id", "12345678901")).doesNotContain(oldDigest);
    }

    @Test
    void a_key_id_configured_twice_or_a_short_key_stops_the_service() {
        assertThatThrownBy(() -> PersonalDataCipher.withKeys("1", KEY_1, List.of("1:" + KEY_2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PersonalDataCipher.withKeys("2", KEY_2, List.of("1:c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class);
    }
}
