package io.kontor.gateway;

import io.kontor.testing.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Kafka broker (test-support's, shared by the JVM) for the tests of the live event stream, and the stream
 * switched on. Not KontorTestResources: the gateway keeps no data, so it needs no PostgreSQL.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestInfra.quarkusKafkaConfig("gateway"));
        config.put("kontor.gateway.events.enabled", "true");
        config.put("kontor.gateway.events.keep-alive", "1s");
        return config;
    }

    @Override
    public void stop() {
        // The broker ends with the JVM (TestInfra).
    }
}
