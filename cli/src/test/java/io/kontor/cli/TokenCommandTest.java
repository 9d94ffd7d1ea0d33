package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.devinfra.DevJwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path home;

    @Test
    void a_development_token_is_stored_with_the_local_gateway_when_none_is_configured() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("USER", "anna");

        Cli.Result result = cli.run("token", "--role", "accounting,sales");

        Config config = Config.read(home.resolve(".config/kontor/config.json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(config.url()).isEqualTo("http://localhost:8080");
        JsonNode claims = verifiedClaims(config.token());
        assertThat(claims.path("sub").asText()).isEqualTo("anna");
        assertThat(claims.path("groups").findValuesAsText("groups")).isEmpty();
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("accounting", "sales");
        assertThat(claims.path("iss").asText()).isEqualTo(DevJwt.ISSUER);
    }

    @Test
    void a_stored_gateway_is_kept_and_only_the_token_replaced() {
        new Config("https://kontor.test", "old").write(home.resolve(".config/kontor/config.json"));

        new Cli(home).run("token", "--role", "admin");

        Config config = Config.read(home.resolve(".config/kontor/config.json"));
        assertThat(config.url()).isEqualTo("https://kontor.test");
        assertThat(config.token()).isNotEqualTo("old");
    }

    @Test
    void print_writes_only_the_token_for_a_shell_variable_and_stores_nothing() throws Exception {
        Cli.Result result = new Cli(home).run("token", "--role", "admin", "--print", "--ttl", "30m");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).hasSize(1);
        JsonNode claims = verifiedClaims(result.out().strip());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(30 * 60);
        assertThat(home.resolve(".config/kontor/config.json")).doesNotExist();
    }

    @Test
    void an_unknown_role_is_a_usage_error() {
        Cli.Result result = new Cli(home).run("token", "--role", "boss");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("kontor: unknown role 'boss'; roles are front-office, middle-office");
    }

    /** The claims of a token whose RS256 signature the development public key confirms. */
    static JsonNode verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(DevJwt.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("signature")
                .isTrue();
        return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
