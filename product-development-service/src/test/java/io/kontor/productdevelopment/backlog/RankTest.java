package io.kontor.productdevelopment.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankTest {

    @Test
    void a_key_between_two_keys_sorts_between_them() {
        assertThat(Rank.between(null, null)).isEqualTo("i");
        assertThat(Rank.between("i", null)).isGreaterThan("i");
        assertThat(Rank.between(null, "i")).isLessThan("i");
        assertThat(Rank.between("a", "b")).isGreaterThan("a").isLessThan("b");
        assertThat(Rank.between("a", "a0i")).isGreaterThan("a").isLessThan("a0i");
        assertThat(Rank.between("az", "b")).isGreaterThan("az").isLessThan("b");
    }

    @Test
    void a_thousand_random_moves_keep_a_total_order_with_short_keys() {
        Random random = new Random(19);
        List<String> order = new ArrayList<>();
        order.add(Rank.between(null, null));
        for (int n = 0; n < 1000; n++) {
            int at = random.nextInt(order.size() + 1);
            String low = at == 0 ? null : order.get(at - 1);
            String high = at == order.size() ? null : order.get(at);
            String key = Rank.between(low, high);
            assertThat(key).doesNotEndWith("0");
            order.add(at, key);
        }
        assertThat(order).isSorted().doesNotHaveDuplicates();
        assertThat(order.stream().mapToInt(String::length).max().orElseThrow()).isLessThan(20);
    }

    @Test
    void moving_always_to_the_front_grows_keys_slowly() {
        String first = Rank.between(null, null);
        for (int n = 0; n < 200; n++) {
            String next = Rank.between(null, first);
            assertThat(next).isLessThan(first);
            first = next;
        }
        assertThat(first.length()).isLessThan(50);
    }

    @Test
    void the_bounds_must_be_in_order() {
        assertThatThrownBy(() -> Rank.between("b", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
