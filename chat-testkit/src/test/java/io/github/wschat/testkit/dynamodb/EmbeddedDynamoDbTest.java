package io.github.wschat.testkit.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDynamoDbTest {

    @Test
    void it_serves_a_table_of_the_connections_layout() {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
            ConnectionsTableLayout.assertServesAConnectionsTable(dynamoDb.client());
        }
    }

    @Test
    void each_created_table_has_a_new_name_and_batch_writes_go_beyond_25_items() {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
            String first = DynamoDbTables.createConnectionsTable(dynamoDb.client());
            String second = DynamoDbTables.createConnectionsTable(dynamoDb.client());
            List<Map<String, AttributeValue>> items = IntStream.range(0, 60)
                    .mapToObj(i -> Map.of(DynamoDbTables.CONNECTION_ID, AttributeValue.fromS("c" + i))).toList();

            DynamoDbTables.batchWrite(dynamoDb.client(), second, items);

            assertThat(first).isNotEqualTo(second).startsWith("connections-");
            assertThat(dynamoDb.client().scan(scan -> scan.tableName(second)).items()).containsExactlyInAnyOrderElementsOf(items);
        }
    }

    @Test
    void a_table_is_created_if_missing_and_kept_if_there() {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
            assertThat(DynamoDbTables.createConnectionsTableIfMissing(dynamoDb.client(), "my-connections")).isTrue();
            dynamoDb.client().putItem(put -> put.tableName("my-connections")
                    .item(Map.of(DynamoDbTables.CONNECTION_ID, AttributeValue.fromS("kept"))));

            assertThat(DynamoDbTables.createConnectionsTableIfMissing(dynamoDb.client(), "my-connections")).isFalse();
            assertThat(dynamoDb.client().scan(scan -> scan.tableName("my-connections")).count()).isEqualTo(1);
        }
    }

    @Test
    void a_table_of_any_layout_is_made_from_its_definition_with_time_to_live_and_kept_if_there() {
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start()) {
            Function<String, CreateTableRequest> layout = name -> CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("room").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("seq").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("room").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("seq").attributeType(ScalarAttributeType.N).build())
                    .build();

            String table = DynamoDbTables.createTable(dynamoDb.client(), layout, "ttl");

            assertThat(table).startsWith("table-");
            assertThat(dynamoDb.client().describeTable(describe -> describe.tableName(table)).table().keySchema())
                    .extracting(KeySchemaElement::attributeName).containsExactly("room", "seq");
            assertThat(dynamoDb.client().describeTimeToLive(ttl -> ttl.tableName(table)).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.attributeName()).isEqualTo("ttl");
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    });
            assertThat(DynamoDbTables.createTableIfMissing(dynamoDb.client(), layout.apply("fixed"), null)).isTrue();
            assertThat(DynamoDbTables.createTableIfMissing(dynamoDb.client(), layout.apply("fixed"), null)).isFalse();
        }
    }

    @Test
    void each_embedded_database_starts_empty_and_its_client_is_closed_with_it() {
        EmbeddedDynamoDb first = EmbeddedDynamoDb.start();
        DynamoDbTables.createConnectionsTable(first.client(), "only-in-the-first");
        first.close();

        try (EmbeddedDynamoDb second = EmbeddedDynamoDb.start()) {
            assertThat(second.client().listTables().tableNames()).isEmpty();
        }
        assertThatThrownBy(() -> first.client().listTables()).isInstanceOf(RuntimeException.class);
    }
}
