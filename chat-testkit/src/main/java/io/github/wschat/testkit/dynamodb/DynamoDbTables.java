package io.github.wschat.testkit.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Tables laid out as the project's connections table, which is the API Gateway chat tutorial's: the
 * partition key {@value #CONNECTION_ID}, a string, and nothing else declared; on-demand billing. Works
 * with any {@link DynamoDbClient}: embedded, served, or real AWS.
 *
 * <p>Tables of other layouts (the room membership's, with its indexes, and the message log's) are made
 * from the {@link CreateTableRequest} their adapter defines, with Time to Live on the attribute given:
 * the kit knows no layout but the tutorial's, and depends on no wschat module.
 * <pre>{@code
 * String memberships = DynamoDbTables.createTable(client, DynamoDbRoomMembership::tableDefinition, "ttl");
 * DynamoDbTables.createTableIfMissing(client, DynamoDbMessageLog.tableDefinition("wschat-messages"), "ttl");
 * }</pre>
 */
public final class DynamoDbTables {

    /** The connections table's partition key attribute (type S). */
    public static final String CONNECTION_ID = "connectionId";

    /** BatchWriteItem takes at most 25 items a call. */
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 10;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private DynamoDbTables() {
    }

    /** Creates an empty connections table of a name not used before in this JVM ({@code connections-<n>}) and returns it. */
    public static String createConnectionsTable(DynamoDbClient client) {
        String name = "connections-" + TABLES.incrementAndGet();
        createConnectionsTable(client, name);
        return name;
    }

    /** Creates an empty connections table named {@code name}; fails if it exists. */
    public static void createConnectionsTable(DynamoDbClient client, String name) {
        createTable(client, connectionsTable(name), null);
    }

    /**
     * Creates the connections table {@code name} unless a table of that name exists, whatever its layout.
     *
     * @return whether this call created it (false also when someone else created it meanwhile)
     */
    public static boolean createConnectionsTableIfMissing(DynamoDbClient client, String name) {
        return createTableIfMissing(client, connectionsTable(name), null);
    }

    private static CreateTableRequest connectionsTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(CONNECTION_ID).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(CONNECTION_ID).attributeType(ScalarAttributeType.S).build())
                .build();
    }

    /**
     * Creates an empty table of a name not used before in this JVM ({@code table-<n>}) from the definition
     * {@code layout} makes for that name, with Time to Live on {@code ttlAttribute} (none when null).
     *
     * @return the table's name
     */
    public static String createTable(DynamoDbClient client, Function<String, CreateTableRequest> layout,
                                     String ttlAttribute) {
        String name = "table-" + TABLES.incrementAndGet();
        createTable(client, layout.apply(name), ttlAttribute);
        return name;
    }

    /**
     * Creates the table {@code definition} describes, then turns its Time to Live on {@code ttlAttribute}
     * (none when null); fails if it exists. Beware: DynamoDB Local 3.x, with Time to Live on, does delete
     * expired items in the background within about a second (observed), judged by the real clock: a test
     * writing items whose TTL is already past by the real clock (a test clock set in the past) must pass
     * null, or its items go while it runs.
     */
    public static void createTable(DynamoDbClient client, CreateTableRequest definition, String ttlAttribute) {
        client.createTable(definition);
        if (ttlAttribute != null) {
            client.updateTimeToLive(ttl -> ttl.tableName(definition.tableName())
                    .timeToLiveSpecification(spec -> spec.enabled(true).attributeName(ttlAttribute)));
        }
    }

    /**
     * Creates the table {@code definition} describes, with Time to Live on {@code ttlAttribute}, unless a
     * table of that name exists, whatever its layout.
     *
     * @return whether this call created it (false also when someone else created it meanwhile)
     */
    public static boolean createTableIfMissing(DynamoDbClient client, CreateTableRequest definition, String ttlAttribute) {
        try {
            client.describeTable(describe -> describe.tableName(definition.tableName()));
            return false;
        } catch (ResourceNotFoundException missing) {
            try {
                createTable(client, definition, ttlAttribute);
                return true;
            } catch (ResourceInUseException raced) {
                return false;
            }
        }
    }

    public static void deleteTable(DynamoDbClient client, String name) {
        client.deleteTable(delete -> delete.tableName(name));
    }

    /** Writes items with BatchWriteItem, 25 a call, writing again what DynamoDB left unprocessed. */
    public static void batchWrite(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(from + BATCH_SIZE, items.size()))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("items still unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(write -> write.requestItems(request));
                // DynamoDB Local has no throughput limit, so no backoff is needed between attempts here
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
