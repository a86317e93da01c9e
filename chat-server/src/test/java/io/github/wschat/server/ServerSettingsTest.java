package io.github.wschat.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration from the environment only; a missing or invalid variable is named in one line, and exits 2. */
class ServerSettingsTest {

    static Map<String, String> valid() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TABLE_NAME", "connections");
        environment.put("MEMBERSHIPS_TABLE_NAME", "memberships");
        environment.put("MESSAGES_TABLE_NAME", "messages");
        environment.put("CONNECTIONS_ENDPOINT", "https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
        environment.put("AUTH_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X");
        environment.put("AUTH_AUDIENCE", "wschat");
        return environment;
    }

    @Test
    void the_required_variables_and_the_defaults() {
        ServerSettings settings = ServerSettings.fromEnvironment(valid());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.tableName()).isEqualTo("connections");
        assertThat(settings.connectionsEndpoint()).hasToString("https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
        assertThat(settings.auth().jwksUrl()).hasToString(
                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X/.well-known/jwks.json");
        assertThat(settings.messageRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
        assertThat(ServerSettings.VARIABLES).containsExactly("PORT", "TABLE_NAME", "MEMBERSHIPS_TABLE_NAME",
                "MESSAGES_TABLE_NAME", "CONNECTIONS_ENDPOINT", "AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL",
                "MESSAGE_RETENTION_DAYS", "SHUTDOWN_GRACE_SECONDS", "AWS_REGION");
        assertThat(ServerSettings.VARIABLES).containsAll(ServerSettings.REQUIRED);
    }

    @Test
    void the_optional_variables() {
        Map<String, String> environment = valid();
        environment.put("PORT", "9000");
        environment.put("AUTH_JWKS_URL", "https://issuer.example/keys");
        environment.put("MESSAGE_RETENTION_DAYS", "30");
        environment.put("SHUTDOWN_GRACE_SECONDS", "10");

        ServerSettings settings = ServerSettings.fromEnvironment(environment);

        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.auth().jwksUrl()).hasToString("https://issuer.example/keys");
        assertThat(settings.messageRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void each_missing_or_invalid_variable_is_named() {
        for (String required : ServerSettings.REQUIRED) {
            Map<String, String> environment = valid();
            environment.remove(required);
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(environment))
                    .isInstanceOf(ServerSettings.InvalidSettingException.class)
                    .hasMessageStartingWith(required + ": required, not set");
        }
        Map<String, String> invalid = Map.of("PORT", "http", "CONNECTIONS_ENDPOINT", "ftp://x/prod",
                "AUTH_ISSUER", "not a url", "AUTH_JWKS_URL", "file:///keys", "MESSAGE_RETENTION_DAYS", "0",
                "SHUTDOWN_GRACE_SECONDS", "-1");
        invalid.forEach((name, value) -> {
            Map<String, String> environment = new HashMap<>(valid());
            environment.put(name, value);
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(environment)).as(name)
                    .isInstanceOfSatisfying(ServerSettings.InvalidSettingException.class,
                            e -> assertThat(e.variable()).isEqualTo(name))
                    .hasMessageStartingWith(name + ": ").hasMessageNotContaining("\n");
        });
        for (String endpoint : new String[] {"https://abc.execute-api.eu-west-1.amazonaws.com",
                "https://abc.execute-api.eu-west-1.amazonaws.com/prod/extra", "https:///prod"}) {
            Map<String, String> environment = valid();
            environment.put("CONNECTIONS_ENDPOINT", endpoint);
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(environment))
                    .hasMessageStartingWith("CONNECTIONS_ENDPOINT: ");
        }
    }

    @Test
    void the_main_class_exits_2_naming_a_missing_or_invalid_variable() throws Exception {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        Map<String, String> noAudience = valid();
        noAudience.remove("AUTH_AUDIENCE");
        cases.put("AUTH_AUDIENCE", noAudience);
        Map<String, String> badPort = valid();
        badPort.put("PORT", "99999");
        cases.put("PORT", badPort);
        Map<String, String> badEndpoint = valid();
        badEndpoint.put("CONNECTIONS_ENDPOINT", "not-a-url");
        cases.put("CONNECTIONS_ENDPOINT", badEndpoint);
        cases.put("TABLE_NAME", Map.of());
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            try (ServerProcess server = ServerProcess.start(c.getValue())) {
                assertThat(server.awaitExit(Duration.ofSeconds(60))).as(server.output()).isEqualTo(2);
                assertThat(server.output().strip()).doesNotContain("\n").contains("\"level\":\"ERROR\"")
                        .contains("cannot start the chat server: " + c.getKey() + ": ");
            }
        }
    }
}
