package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.ZoneOffset;

/** The {@link ConnectionStore} contract, against DynamoDB Local embedded in this JVM, one table per test. */
class DynamoDbConnectionStoreContractTest extends ConnectionStoreContract {

    /**
     * The contract's connections open at {@link #CONNECTED_AT}; the store's now is then too, so that
     * none has expired whatever the day the tests run.
     */
    static final Clock CONTRACT_CLOCK = Clock.fixed(CONNECTED_AT, ZoneOffset.UTC);

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
                .clock(CONTRACT_CLOCK)
                .build();
    }
}
