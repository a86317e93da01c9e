package io.github.wschat.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** DynamoDB Local embedded, and tables in it laid out as the API Gateway chat tutorial's connections table. */
public final class LocalDynamoDb {

    /** BatchWriteItem takes at most 25 items a call. */
    private static final int BATCH_SIZE = 25;
    private static final int MAX_BATCH_ATTEMPTS = 10;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private LocalDynamoDb() {
    }

    /** DynamoDB Local in this JVM, in memory; {@link AmazonDynamoDBLocal#shutdown()} it after use. */
    public static AmazonDynamoDBLocal startEmbedded() {
        // true disables telemetry: no call home, no metadata file left in the working directory
        return DynamoDBEmbedded.create(true);
    }

    /** Creates an empty table keyed by {@code connectionId} (S) and returns its name. */
    public static String createConnectionsTable(DynamoDbClient client) {
        String name = "connections-" + TABLES.incrementAndGet();
        client.createTable(create -> create
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName(DynamoDbConnectionStore.CONNECTION_ID).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(DynamoDbConnectionStore.CONNECTION_ID).attributeType(ScalarAttributeType.S).build()));
        return name;
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
