package io.kontor.systemtests;

import static io.restassured.RestAssured.given;

import io.kontor.local.LocalPlatform;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.JsonConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the running platform, only through the gateway, as a front-office system or a middle-office user would
 * call it. Numbers in answers are read as {@link java.math.BigDecimal}: money is compared exactly.
 */
@ExtendWith(KontorPlatform.class)
public abstract class SystemTest {

    protected static LocalPlatform platform;

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
            .logConfig(LogConfig.logConfig().enableLoggingOfRequestAndResponseIfValidationFails());

    @BeforeAll
    static void connect(LocalPlatform started) {
        platform = started;
    }

    /** A test that moved the calendar ({@link FlowSteps#advance}) leaves the next one the real time. */
    @AfterEach
    void realTimeAgain() {
        if (!platform.clockShift().isZero()) {
            platform.shiftClock(Duration.ZERO);
        }
    }

    /**
     * A request to the gateway with the development admin token and a JSON body; a failed check logs request and
     * answer.
     */
    protected static RequestSpecification asAdmin() {
        return given(new RequestSpecBuilder()
                .setBaseUri(platform.gatewayUrl())
                .setConfig(CONFIG)
                .setContentType(ContentType.JSON)
                .addHeader("Authorization", "Bearer " + platform.adminToken())
                .build());
    }
}
