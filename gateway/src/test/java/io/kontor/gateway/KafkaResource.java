package io.kontor.gateway;

import io.kontor.testing.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real Kafka broker (test-support's, shared by the JVM) for the tests of the live event stream, and the stream
 * switched on. Not KontorTestResources: the gateway keeps no data, so it needs no PostgreSQL.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> kafka = TestInfra.kafkaClient("gateway");
        return Map.of(
                "kafka.bootstrap.servers", kafka.get("bootstrap.servers"),
                "kafka.security.protocol", kafka.get("security.protocol"),
                "kafka.sasl.jaas.config", kafka.get("sasl.jaas.config"),
                "kontor.gateway.events.enabled", "true",
                "kontor.gateway.events.keep-alive", "1s");
    }

    @Override
    public void stop() {
        // The broker ends with the JVM (TestInfra).
    }
}
