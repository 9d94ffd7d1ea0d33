package io.kontor.platform.inbox;

import static io.kontor.platform.testapp.RawNotes.headers;
import static io.kontor.platform.testapp.RawNotes.noteJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.testapp.AppliedNotes;
import io.kontor.platform.testapp.BatchChannel;
import io.kontor.platform.testapp.BatchNoteHandler;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cut of a poll into transactions of about {@code kontor.inbox.batch-transaction-budget} of handler time
 * (InboxBatches), in an application of its own: a small budget and a handler that takes a known least time per record,
 * where the shared application runs a cheap handler under a budget too large to cut InboxBatchTest's polls.
 */
@QuarkusTest
@TestProfile(InboxBatchCutTest.SlowHandlerSmallBudget.class)
class InboxBatchCutTest {

    static final Duration BUDGET = Duration.ofMillis(50);

    static final Duration HANDLER_TIME = Duration.ofMillis(20);

    public static class SlowHandlerSmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kontor.inbox.batch-transaction-budget",
                    BUDGET.toMillis() + "ms",
                    BatchNoteHandler.HANDLER_TIME,
                    HANDLER_TIME.toMillis() + "ms");
        }
    }

    @Inject
    AppliedNotes applied;

    @Inject
    BatchChannel channel;

    @AfterEach
    void resume() {
        channel.resume();
    }

    /**
     * A transaction is closed once the handler time it expects reaches the budget; each record takes at least
     * HANDLER_TIME, so no transaction holds more than ceil(BUDGET / HANDLER_TIME) records. A loaded machine only makes
     * the records slower and the transactions smaller; wall-clock precision is not asserted.
     */
    @Test
    void a_poll_is_cut_into_transactions_of_about_the_budget_each_applied_once_and_in_order() {
        UUID noteId = UUID.randomUUID();
        // Until a consumer's first delivery is measured, the cut guesses (ten to a transaction): this one measures it.
        String measuring = UUID.randomUUID().toString();
        TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, 0, "measuring"), headers(measuring));
        await().atMost(Duration.ofSeconds(60)).until(() -> applied.timesApplied(measuring) == 1);

        channel.pause();
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= 30; sequence++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            TestKafka.send("test.batch-a", noteId.toString(), noteJson(noteId, sequence, "note"), headers(id));
        }
        channel.resume();

        await().atMost(Duration.ofSeconds(60)).until(() -> applied.timesApplied(ids.get(29)) == 1);
        assertThat(applied.sequencesOf(noteId))
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 30).boxed().toList());
        assertThat(ids).allSatisfy(id -> assertThat(applied.timesApplied(id)).isEqualTo(1));
        assertThat(applied.inboxOrder("platform-test/BatchNoteHandler.on", ids)).containsExactlyElementsOf(ids);

        List<Long> transactions = applied.transactionsOf(noteId).subList(1, 31);
        Map<Long, Integer> recordsPerTransaction = new LinkedHashMap<>();
        List<Long> runs = new ArrayList<>();
        for (Long transaction : transactions) {
            recordsPerTransaction.merge(transaction, 1, Integer::sum);
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(transaction)) {
                runs.add(transaction);
            }
        }
        // Each transaction took a contiguous stretch of the poll: in record order, none interleaved with another.
        assertThat(runs).doesNotHaveDuplicates().isSorted();
        long most = (BUDGET.toMillis() + HANDLER_TIME.toMillis() - 1) / HANDLER_TIME.toMillis();
        assertThat(recordsPerTransaction)
                .as("records per transaction (txid), at least %s of handler time each", HANDLER_TIME)
                .hasSizeGreaterThan(1)
                .allSatisfy((transaction, records) -> assertThat((long) records).isLessThanOrEqualTo(most));
    }
}
