package io.kontor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas share the 16 lanes (#23): a round claims only a few lanes, those with the oldest rows, and a second replica
 * claims others while the first holds its own. Also the backlog estimate. The relay is off, so that the rows written
 * here stay put and only the connections of this test claim lanes.
 */
@QuarkusTest
@TestProfile(OutboxLaneClaimTest.RelayOff.class)
class OutboxLaneClaimTest {

    public static class RelayOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kontor.outbox.relay-enabled", "false", "kontor.outbox.lanes-per-claim", "4");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void emptyTheOutbox() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from outbox where topic = 'test.lanes'");
        }
    }

    @Test
    void two_replicas_claim_disjoint_lanes_with_the_oldest_rows_first() throws SQLException {
        // Lanes 7, 6, ..., 0 in this order: lane 7 has the oldest row. Lanes 8-15 have none.
        for (int lane = 7; lane >= 0; lane--) {
            insert(lane, null);
        }
        try (Connection first = transaction();
                Connection second = transaction();
                Connection third = transaction()) {
            List<Integer> firstLanes = relay.claimLanes(first);
            List<Integer> secondLanes = relay.claimLanes(second);
            List<Integer> thirdLanes = relay.claimLanes(third);

            assertThat(firstLanes).containsExactly(7, 6, 5, 4);
            assertThat(secondLanes).containsExactly(3, 2, 1, 0);
            assertThat(thirdLanes)
                    .as("no lane without rows, none held by another replica")
                    .isEmpty();
            first.rollback();
            second.rollback();
            third.rollback();
        }
    }

    @Test
    void a_lane_freed_by_one_replica_is_claimed_by_the_next() throws SQLException {
        insert(3, null);
        try (Connection first = transaction();
                Connection second = transaction()) {
            assertThat(relay.claimLanes(first)).containsExactly(3);
            assertThat(relay.claimLanes(second)).isEmpty();
            first.rollback();
            assertThat(relay.claimLanes(second)).containsExactly(3);
            second.rollback();
        }
    }

    @Test
    void the_backlog_is_exact_when_small_and_the_id_span_when_large() throws SQLException {
        assertThat(relay.backlog()).isZero();
        long firstId = insert(1, null);
        insert(2, null);
        insert(3, null);
        assertThat(relay.backlog()).isEqualTo(3);

        // A row far ahead (as after many rows left out of order): the estimate is the span, never below the count.
        insert(4, firstId + 2 * OutboxRelay.EXACT_BACKLOG_BELOW);
        assertThat(relay.backlog()).isEqualTo(2 * OutboxRelay.EXACT_BACKLOG_BELOW + 1);
    }

    private Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private long insert(int lane, Long id) throws SQLException {
        String sql = id == null
                ? "insert into outbox (lane, topic, record_key, headers, payload, created_at)"
                        + " values (?, 'test.lanes', 'k', '{}', '{}', now()) returning id"
                : "insert into outbox (id, lane, topic, record_key, headers, payload, created_at)"
                        + " values (?, ?, 'test.lanes', 'k', '{}', '{}', now()) returning id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int index = 1;
            if (id != null) {
                insert.setLong(index++, id);
            }
            insert.setInt(index, lane);
            try (var result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
