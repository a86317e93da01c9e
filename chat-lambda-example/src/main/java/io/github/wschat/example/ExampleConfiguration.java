package io.github.wschat.example;

import io.github.wschat.core.port.out.MessageLog;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The example's settings, read from the environment the way Lambda and the AWS SDK set it.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the connections table; the tutorial's {@code table} is read when it is absent;</li>
 *   <li>{@code AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI} (or the system property
 *       {@code aws.endpointUrlApiGatewayManagementApi}): the SDK's standard setting for the
 *       {@code @connections} endpoint, used for custom domains and local gateways; otherwise the
 *       endpoint is {@code https://{domainName}/{stage}} of each event;</li>
 *   <li>{@code MEMBERSHIPS_TABLE_NAME} and {@code MESSAGES_TABLE_NAME}: the room tables; rooms are on when
 *       both are set, off (the tutorial's chat) when neither is, and one without the other is refused;</li>
 *   <li>{@code MESSAGE_RETENTION_DAYS}: how long room messages are kept, a whole number of days of at least 1;
 *       default 7 ({@link MessageLog#DEFAULT_RETENTION}).</li>
 * </ul>
 * Region, credentials and the DynamoDB endpoint are left to the SDK's standard settings
 * ({@code AWS_REGION}, the container or environment credentials, {@code AWS_ENDPOINT_URL_DYNAMODB}).
 *
 * @param tableName           the connections table
 * @param connectionsEndpoint the explicit {@code @connections} endpoint, or null to take it from each event
 * @param roomTables          the room tables, or null for a chat without rooms
 */
public record ExampleConfiguration(String tableName, URI connectionsEndpoint, RoomTables roomTables) {

    /** The table name, as in this module's template. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** The table name, as the tutorial's functions read it. */
    public static final String TUTORIAL_TABLE_NAME = "table";
    /** The SDK's environment variable for the API Gateway Management API's endpoint. */
    public static final String CONNECTIONS_ENDPOINT = "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI";
    /** The SDK's system property for the same. */
    public static final String CONNECTIONS_ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";
    /** The room memberships table, as in this module's template. */
    public static final String MEMBERSHIPS_TABLE_NAME = "MEMBERSHIPS_TABLE_NAME";
    /** The room messages table, as in this module's template. */
    public static final String MESSAGES_TABLE_NAME = "MESSAGES_TABLE_NAME";
    /** How many days room messages are kept. */
    public static final String MESSAGE_RETENTION_DAYS = "MESSAGE_RETENTION_DAYS";
    /** The retention when {@value #MESSAGE_RETENTION_DAYS} is not set: the message log's default, 7 days. */
    public static final Duration DEFAULT_MESSAGE_RETENTION = MessageLog.DEFAULT_RETENTION;

    public ExampleConfiguration {
        Objects.requireNonNull(tableName, "tableName");
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
        }
    }

    /** A chat without rooms: the tutorial's. */
    public ExampleConfiguration(String tableName, URI connectionsEndpoint) {
        this(tableName, connectionsEndpoint, null);
    }

    /**
     * The tables of rooms.
     *
     * @param membershipsTableName the room memberships
     * @param messagesTableName    the room messages
     * @param messageRetention     how long a message is kept, positive
     */
    public record RoomTables(String membershipsTableName, String messagesTableName, Duration messageRetention) {
        public RoomTables {
            Objects.requireNonNull(membershipsTableName, "membershipsTableName");
            Objects.requireNonNull(messagesTableName, "messagesTableName");
            Objects.requireNonNull(messageRetention, "messageRetention");
            if (membershipsTableName.isBlank() || messagesTableName.isBlank()) {
                throw new IllegalArgumentException("the room table names must not be blank");
            }
            if (messageRetention.isNegative() || messageRetention.isZero()) {
                throw new IllegalArgumentException("the message retention must be positive, is " + messageRetention);
            }
        }
    }

    /** From this process's environment and system properties. */
    public static ExampleConfiguration fromEnvironment() {
        return from(System.getenv(), System.getProperty(CONNECTIONS_ENDPOINT_PROPERTY));
    }

    /** From the given environment, the system property's value taking precedence as in the SDK. */
    static ExampleConfiguration from(Map<String, String> environment, String endpointProperty) {
        String table = Optional.ofNullable(environment.get(TABLE_NAME)).filter(name -> !name.isBlank())
                .or(() -> Optional.ofNullable(environment.get(TUTORIAL_TABLE_NAME)).filter(name -> !name.isBlank()))
                .orElseThrow(() -> new IllegalStateException(
                        "set " + TABLE_NAME + " (or the tutorial's " + TUTORIAL_TABLE_NAME + ") to the connections table"));
        String endpoint = Optional.ofNullable(endpointProperty).filter(value -> !value.isBlank())
                .orElse(environment.get(CONNECTIONS_ENDPOINT));
        return new ExampleConfiguration(table, endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                roomTables(environment));
    }

    /** The room tables when both are named, none when neither is. */
    private static RoomTables roomTables(Map<String, String> environment) {
        Optional<String> memberships = setting(environment, MEMBERSHIPS_TABLE_NAME);
        Optional<String> messages = setting(environment, MESSAGES_TABLE_NAME);
        if (memberships.isEmpty() && messages.isEmpty()) {
            return null;
        }
        if (memberships.isEmpty() || messages.isEmpty()) {
            throw new IllegalStateException("set both " + MEMBERSHIPS_TABLE_NAME + " and " + MESSAGES_TABLE_NAME
                    + " for rooms, or neither for the tutorial's chat; " + (memberships.isEmpty()
                    ? MEMBERSHIPS_TABLE_NAME : MESSAGES_TABLE_NAME) + " is missing");
        }
        Duration retention = setting(environment, MESSAGE_RETENTION_DAYS).map(ExampleConfiguration::days)
                .orElse(DEFAULT_MESSAGE_RETENTION);
        return new RoomTables(memberships.get(), messages.get(), retention);
    }

    private static Duration days(String value) {
        try {
            long days = Long.parseLong(value.trim());
            if (days >= 1) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // told below, with the value
        }
        throw new IllegalStateException(MESSAGE_RETENTION_DAYS + " must be a whole number of days of at least 1, is '"
                + value + "'");
    }

    private static Optional<String> setting(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The room tables, when rooms are on. */
    public Optional<RoomTables> rooms() {
        return Optional.ofNullable(roomTables);
    }

    /** The explicit {@code @connections} endpoint, when configured. */
    public Optional<URI> explicitConnectionsEndpoint() {
        return Optional.ofNullable(connectionsEndpoint);
    }
}
