package io.github.wschat.testkit.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local embedded in this JVM, in memory: no port, no HTTP, the fastest way to test code that
 * takes a {@link DynamoDbClient}. For code that needs an endpoint (a handler configured by
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, an HTTP client's behaviour), use {@link DynamoDbLocalServer}.
 *
 * <pre>{@code
 * try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
 *     String table = DynamoDbTables.createConnectionsTable(dynamoDb.client());
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal dynamoDbLocal) {
        this.dynamoDbLocal = dynamoDbLocal;
        this.client = dynamoDbLocal.dynamoDbClient();
    }

    /** Starts an empty in-memory database, telemetry off: no call home, no metadata file left behind. */
    public static EmbeddedDynamoDb start() {
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
    }

    /** The in-process client of this database, closed with it. */
    public DynamoDbClient client() {
        return client;
    }

    /** Closes the client and shuts the database down; its tables are gone. */
    @Override
    public void close() {
        client.close();
        dynamoDbLocal.shutdown();
    }
}
