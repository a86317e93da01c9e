package io.github.wschat.testkit.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every DynamoDB Local of the kit must do with a table of the connections layout. */
final class ConnectionsTableLayout {

    private ConnectionsTableLayout() {
    }

    /** A new connections table is keyed by connectionId (S), on demand, and serves a put, a get and a delete. */
    static void assertServesAConnectionsTable(DynamoDbClient client) {
        String table = DynamoDbTables.createConnectionsTable(client);

        TableDescription description = client.describeTable(describe -> describe.tableName(table)).table();
        assertThat(description.keySchema())
                .containsExactly(KeySchemaElement.builder().attributeName("connectionId").keyType(KeyType.HASH).build());
        assertThat(description.attributeDefinitions()).containsExactly(
                AttributeDefinition.builder().attributeName("connectionId").attributeType(ScalarAttributeType.S).build());
        assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);

        Map<String, AttributeValue> item = Map.of(
                "connectionId", AttributeValue.fromS("Bq3xkcNyoAMCJpQ="), "connectedAt", AttributeValue.fromN("1"));
        client.putItem(put -> put.tableName(table).item(item));
        assertThat(client.getItem(get -> get.tableName(table)
                .key(Map.of("connectionId", AttributeValue.fromS("Bq3xkcNyoAMCJpQ=")))).item()).isEqualTo(item);

        DynamoDbTables.deleteTable(client, table);
        assertThat(client.listTables().tableNames()).doesNotContain(table);
    }
}
