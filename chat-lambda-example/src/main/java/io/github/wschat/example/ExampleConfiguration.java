package io.github.wschat.example;

import java.net.URI;
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
 *       endpoint is {@code https://{domainName}/{stage}} of each event.</li>
 * </ul>
 * Region, credentials and the DynamoDB endpoint are left to the SDK's standard settings
 * ({@code AWS_REGION}, the container or environment credentials, {@code AWS_ENDPOINT_URL_DYNAMODB}).
 *
 * @param tableName           the connections table
 * @param connectionsEndpoint the explicit {@code @connections} endpoint, or null to take it from each event
 */
public record ExampleConfiguration(String tableName, URI connectionsEndpoint) {

    /** The table name, as in this module's template. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** The table name, as the tutorial's functions read it. */
    public static final String TUTORIAL_TABLE_NAME = "table";
    /** The SDK's environment variable for the API Gateway Management API's endpoint. */
    public static final String CONNECTIONS_ENDPOINT = "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI";
    /** The SDK's system property for the same. */
    public static final String CONNECTIONS_ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayManagementApi";

    public ExampleConfiguration {
        Objects.requireNonNull(tableName, "tableName");
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
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
        return new ExampleConfiguration(table, endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }

    /** The explicit {@code @connections} endpoint, when configured. */
    public Optional<URI> explicitConnectionsEndpoint() {
        return Optional.ofNullable(connectionsEndpoint);
    }
}
