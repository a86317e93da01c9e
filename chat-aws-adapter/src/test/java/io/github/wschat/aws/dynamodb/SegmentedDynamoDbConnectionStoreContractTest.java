package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The {@link ConnectionStore} contract with a scan in 3 segments, against embedded DynamoDB Local:
 * its paging tests show that segment after segment, every connection comes exactly once.
 */
class SegmentedDynamoDbConnectionStoreContractTest extends ConnectionStoreContract {

    private static AmazonDynamoDBLocal dynamoDbLocal;
    private static DynamoDbClient client;
    private String table;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = LocalDynamoDb.startEmbedded();
        client = dynamoDbLocal.dynamoDbClient();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        client.close();
        dynamoDbLocal.shutdown();
    }

    @AfterEach
    void dropTable() {
        LocalDynamoDb.deleteTable(client, table);
    }

    @Override
    protected ConnectionStore createEmptyStore() {
        table = LocalDynamoDb.createConnectionsTable(client);
        return DynamoDbConnectionStore.builder()
                .dynamoDbClient(client)
                .tableName(table)
                .clock(DynamoDbConnectionStoreContractTest.CONTRACT_CLOCK)
                .scanSegments(3)
                .build();
    }
}
