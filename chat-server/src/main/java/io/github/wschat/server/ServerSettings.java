package io.github.wschat.server;

import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.core.port.out.MessageLog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's configuration, from the environment only (the ECS task definition's):
 * <table>
 *   <caption>variables</caption>
 *   <tr><th>variable</th><th>what</th></tr>
 *   <tr><td>{@value #PORT}</td><td>the HTTP port, default {@value #DEFAULT_PORT} (0: any free port, logged)</td></tr>
 *   <tr><td>{@value #TABLE_NAME}</td><td>required: the connections table of the chat stack</td></tr>
 *   <tr><td>{@value #MEMBERSHIPS_TABLE_NAME}, {@value #MESSAGES_TABLE_NAME}</td><td>required: its room tables</td></tr>
 *   <tr><td>{@value #CONNECTIONS_ENDPOINT}</td><td>required: the WebSocket API's {@code @connections} endpoint,
 *       {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}}</td></tr>
 *   <tr><td>{@value #AUTH_ISSUER}, {@value #AUTH_AUDIENCE}</td><td>required: the tokens' issuer and audience, as the
 *       {@code $connect} authorizer's ({@link AuthSettings}); the server always verifies tokens</td></tr>
 *   <tr><td>{@value #AUTH_JWKS_URL}</td><td>optional: the issuer's key set, default {@code {issuer}/.well-known/jwks.json}</td></tr>
 *   <tr><td>{@value #MESSAGE_RETENTION_DAYS}</td><td>days messages are kept, a whole number of at least 1, default 7</td></tr>
 *   <tr><td>{@value #SHUTDOWN_GRACE_SECONDS}</td><td>how long in-flight requests may finish after SIGTERM, default
 *       {@value #DEFAULT_SHUTDOWN_GRACE_SECONDS} (ECS sends SIGKILL 30 s after SIGTERM)</td></tr>
 *   <tr><td>{@value #AWS_REGION}</td><td>read by the AWS SDK's default region chain, not here</td></tr>
 * </table>
 *
 * @param port                 0 to 65535
 * @param tableName            the connections table
 * @param membershipsTableName the room membership table
 * @param messagesTableName    the room message table
 * @param connectionsEndpoint  the {@code @connections} endpoint, an http(s) URL with a host and a stage
 * @param auth                 the tokens' issuer, audience and key set
 * @param messageRetention     how long messages are kept
 * @param shutdownGrace        how long in-flight requests may finish after SIGTERM
 */
public record ServerSettings(int port, String tableName, String membershipsTableName, String messagesTableName,
                             URI connectionsEndpoint, AuthSettings auth, Duration messageRetention,
                             Duration shutdownGrace) {

    public static final String PORT = "PORT";
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String MEMBERSHIPS_TABLE_NAME = "MEMBERSHIPS_TABLE_NAME";
    public static final String MESSAGES_TABLE_NAME = "MESSAGES_TABLE_NAME";
    public static final String CONNECTIONS_ENDPOINT = "CONNECTIONS_ENDPOINT";
    public static final String AUTH_ISSUER = AuthSettings.AUTH_ISSUER;
    public static final String AUTH_AUDIENCE = AuthSettings.AUTH_AUDIENCE;
    public static final String AUTH_JWKS_URL = AuthSettings.AUTH_JWKS_URL;
    public static final String MESSAGE_RETENTION_DAYS = "MESSAGE_RETENTION_DAYS";
    public static final String SHUTDOWN_GRACE_SECONDS = "SHUTDOWN_GRACE_SECONDS";
    /** Read by the AWS SDK's default region chain (ECS sets it in a task), not by these settings. */
    public static final String AWS_REGION = "AWS_REGION";

    /** Every variable the server reads, {@value #AWS_REGION} through the SDK: what a task definition may set. */
    public static final List<String> VARIABLES = List.of(PORT, TABLE_NAME, MEMBERSHIPS_TABLE_NAME, MESSAGES_TABLE_NAME,
            CONNECTIONS_ENDPOINT, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL, MESSAGE_RETENTION_DAYS,
            SHUTDOWN_GRACE_SECONDS, AWS_REGION);
    /** The variables without a default: a task definition must set each. */
    public static final List<String> REQUIRED = List.of(TABLE_NAME, MEMBERSHIPS_TABLE_NAME, MESSAGES_TABLE_NAME,
            CONNECTIONS_ENDPOINT, AUTH_ISSUER, AUTH_AUDIENCE);

    public static final int DEFAULT_PORT = 8080;
    /** The path the load balancer health-checks, answered 200 without a token. */
    public static final String HEALTH_PATH = "/healthz";
    public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 25;
    public static final Duration DEFAULT_MESSAGE_RETENTION = MessageLog.DEFAULT_RETENTION;

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, is " + port);
        }
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(membershipsTableName, "membershipsTableName");
        Objects.requireNonNull(messagesTableName, "messagesTableName");
        Objects.requireNonNull(connectionsEndpoint, "connectionsEndpoint");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(messageRetention, "messageRetention");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /**
     * The settings of an environment.
     *
     * @throws InvalidSettingException naming the first variable that is missing or invalid, in one line
     */
    public static ServerSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> env = Map.copyOf(environment);
        int port = integer(env, PORT, 0, 65_535, "a port number from 0 to 65535").orElse(DEFAULT_PORT);
        String table = required(env, TABLE_NAME, "the chat stack's connections table");
        String memberships = required(env, MEMBERSHIPS_TABLE_NAME, "the chat stack's room membership table");
        String messages = required(env, MESSAGES_TABLE_NAME, "the chat stack's room message table");
        URI endpoint = endpoint(required(env, CONNECTIONS_ENDPOINT,
                "the WebSocket API's @connections endpoint, https://{apiId}.execute-api.{region}.amazonaws.com/{stage}"));
        String issuer = required(env, AUTH_ISSUER, "the issuer of the tokens the server accepts");
        String audience = required(env, AUTH_AUDIENCE, "the audience of the tokens the server accepts");
        AuthSettings auth;
        try {
            auth = AuthSettings.builder().issuer(issuer).audience(audience).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(AUTH_ISSUER, e.getMessage());
        }
        Optional<String> jwksUrl = value(env, AUTH_JWKS_URL);
        if (jwksUrl.isPresent()) {
            try {
                auth = auth.toBuilder().jwksUrl(URI.create(jwksUrl.get())).build();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(AUTH_JWKS_URL, e.getMessage());
            }
        }
        Duration retention = integer(env, MESSAGE_RETENTION_DAYS, 1, 36_500, "a whole number of days of at least 1")
                .map(Duration::ofDays).orElse(DEFAULT_MESSAGE_RETENTION);
        Duration grace = integer(env, SHUTDOWN_GRACE_SECONDS, 0, 3_600, "a whole number of seconds from 0 to 3600")
                .map(Duration::ofSeconds).orElse(Duration.ofSeconds(DEFAULT_SHUTDOWN_GRACE_SECONDS));
        return new ServerSettings(port, table, memberships, messages, endpoint, auth, retention, grace);
    }

    /** A variable missing or invalid; the message names it and says what it must be, in one line. */
    public static final class InvalidSettingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String variable;

        InvalidSettingException(String variable, String message) {
            super(variable + ": " + message.replaceAll("\\R", " "));
            this.variable = variable;
        }

        /** The variable to fix. */
        public String variable() {
            return variable;
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String required(Map<String, String> env, String name, String what) {
        return value(env, name).orElseThrow(() -> new InvalidSettingException(name, "required, not set: " + what));
    }

    private static Optional<Integer> integer(Map<String, String> env, String name, int min, int max, String rule) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(text.get());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // refused below, with the rule
        }
        throw new InvalidSettingException(name, "must be " + rule + ", is '" + shown(text.get()) + "'");
    }

    private static URI endpoint(String text) {
        String rule = "must be an http(s) URL with a host and a stage, "
                + "https://{apiId}.execute-api.{region}.amazonaws.com/{stage}, is '" + shown(text) + "'";
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(CONNECTIONS_ENDPOINT, rule);
        }
        boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        String path = uri.getRawPath();
        if (!http || uri.getHost() == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(CONNECTIONS_ENDPOINT, rule);
        }
        return uri;
    }

    /** A value as shown in an error: short, one line. */
    private static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
