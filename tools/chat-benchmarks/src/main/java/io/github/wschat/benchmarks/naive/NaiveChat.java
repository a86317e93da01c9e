package io.github.wschat.benchmarks.naive;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The naive handlers' table, made the way most examples make it: {@link DynamoDbClient#create()} (the SDK's
 * default HTTP client, default credentials and region chains) and the enhanced client with a bean table
 * schema, in static fields, built when the first handler class that uses them is loaded.
 */
final class NaiveChat {

    static final DynamoDbClient DYNAMODB = DynamoDbClient.create();
    static final DynamoDbEnhancedClient ENHANCED = DynamoDbEnhancedClient.builder().dynamoDbClient(DYNAMODB).build();
    static final DynamoDbTable<ConnectionItem> TABLE =
            ENHANCED.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(ConnectionItem.class));

    private NaiveChat() {
    }
}
