package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link ConnectionStore} contract with a scan in 3 segments, against embedded DynamoDB Local:
 * its paging tests show that segment after segment, every connection comes exactly once.
 */
class SegmentedDynamoDbConnectionStoreContractTest extends ConnectionStoreContract {

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient client;
    private String table;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = EmbeddedDynamoDb.start();
        client = dynamoDbLocal.client();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        dynamoDbLocal.close();
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.deleteTable(client, table);
    }

    @Override
    protected ConnectionStore createEmptyStore() {
        table = DynamoDbTables.createConnectionsTable(client);
        return DynamoDbConnectionStore.builder()
                .dynamoDbClient(client)
                .tableName(table)
                .clock(DynamoDbConnectionStoreContractTest.CONTRACT_CLOCK)
                .scanSegments(3)
                .build();
    }
}
