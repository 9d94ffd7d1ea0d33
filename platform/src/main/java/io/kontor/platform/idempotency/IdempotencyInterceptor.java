package io.kontor.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.ProblemException;
import io.kontor.platform.security.CallerId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@IdempotentCreate
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    CurrentVertxRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kontor.idempotency.retention")
    Duration retention;

    @AroundInvoke
    Object createOnce(InvocationContext invocation) throws Exception {
        String key = request.getCurrent().request().getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidFieldProblem(HEADER, "must be 1 to 255 characters");
        }
        String caller = identity.isAnonymous() ? "anonymous" : CallerId.of(identity);
        String operation = request.getCurrent().request().method() + " "
                + request.getCurrent().request().path();
        String fingerprint = fingerprint(invocation.getParameters());
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                forgetExpired(connection, caller, key);
                if (!claim(connection, caller, key, operation, fingerprint)) {
                    return replay(connection, caller, key, operation, fingerprint);
                }
                Object result = invocation.proceed();
                remember(connection, caller, key, (Response) result);
                return result;
            }
        });
    }

    private void forgetExpired(Connection connection, String caller, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from idempotency_key where caller = ? and idempotency_key = ? and created_at < ?")) {
            delete.setString(1, caller);
            delete.setString(2, key);
            delete.setTimestamp(3, Timestamp.from(Instant.now(clock).minus(retention)));
            delete.executeUpdate();
        }
    }

    /** A concurrent request with the same key waits here until the first one commits, then replays its answer. */
    private boolean claim(Connection connection, String caller, String key, String operation, String fingerprint)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into idempotency_key (caller, idempotency_key, operation, fingerprint, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, operation);
            insert.setString(4, fingerprint);
            insert.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            return insert.executeUpdate() == 1;
        }
    }

    private Response replay(Connection connection, String caller, String key, String operation, String fingerprint)
            throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select operation, fingerprint, status, body, location from idempotency_key where caller = ? and idempotency_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet stored = select.executeQuery()) {
                if (!stored.next()) {
                    throw new ProblemConflictOnKey(
                            "the request with this Idempotency-Key is still in progress; retry shortly", 409);
                }
                if (!operation.equals(stored.getString(1)) || !fingerprint.equals(stored.getString(2))) {
                    throw new ProblemConflictOnKey("this Idempotency-Key was used for a different request", 422);
                }
                Response.ResponseBuilder answer =
                        Response.status(stored.getInt(3)).header(REPLAYED, "true");
                String body = stored.getString(4);
                if (body != null) {
                    answer.entity(json.readValue(body, JsonNode.class)).type(MediaType.APPLICATION_JSON_TYPE);
                }
                if (stored.getString(5) != null) {
                    answer.header("Location", stored.getString(5));
                }
                return answer.build();
            }
        }
    }

    private void remember(Connection connection, String caller, String key, Response response) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set status = ?, body = ?, location = ? where caller = ? and idempotency_key = ?")) {
            update.setInt(1, response.getStatus());
            update.setString(2, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
            update.setString(
                    3,
                    response.getLocation() == null
                            ? null
                            : response.getLocation().toString());
            update.setString(4, caller);
            update.setString(5, key);
            update.executeUpdate();
        }
    }

    private String fingerprint(Object[] parameters) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (Object parameter : parameters) {
            sha256.update(json.writeValueAsBytes(parameter));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static final class ProblemConflictOnKey extends ProblemException {
        ProblemConflictOnKey(String detail, int status) {
            super(status, "idempotency-key-conflict", "Idempotency-Key conflict", detail, null);
        }
    }
}
