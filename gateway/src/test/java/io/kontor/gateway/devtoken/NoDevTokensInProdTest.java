package io.kontor.gateway.devtoken;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.kontor.devinfra.DevJwt;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production profile, with development tokens switched on by mistake and a key at hand: still no route. The
 * production settings a deployment gives by environment are given here as overrides.
 */
@QuarkusTest
@TestProfile(NoDevTokensInProdTest.Prod.class)
public class NoDevTokensInProdTest {

    public static class Prod implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            // As the local platform does: the development key named by file, not the bundled one, which
            // IdentityProviderCheck refuses outside dev, local and test.
            config.put("mp.jwt.verify.issuer", DevJwt.ISSUER);
            config.put("mp.jwt.verify.publickey.location", devKeyFile().toString());
            for (String domain :
                    new String[] {"sales", "accounting", "hr", "projects", "product-development", "legal", "processes"
                    }) {
                config.put("kontor.gateway.services." + domain + ".url", "http://127.0.0.1:9");
            }
            config.put("kontor.gateway.events.enabled", "false");
            config.put("kontor.gateway.dev-tokens.enabled", "true");
            config.put("kontor.gateway.dev-tokens.signing-key-location", "io/kontor/devinfra/dev-jwt-private.pem");
            return config;
        }
    }

    private static Path devKeyFile() {
        try {
            Path file = Files.createTempFile("kontor-dev-public", ".pem");
            Files.writeString(file, DevJwt.publicKeyPem());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void without_a_token_the_path_is_as_closed_as_any_other() {
        given().contentType("application/json")
                .body("{\"roles\":[\"admin\"]}")
                .when()
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(401);
    }

    @Test
    void with_a_token_the_path_does_not_exist() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/json")
                .body("{\"roles\":[\"admin\"]}")
                .when()
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(404)
                .body(not(containsString("token\"")));
    }
}
