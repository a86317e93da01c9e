package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link ConnectionStore} contract over HTTP: DynamoDB Local as a loopback server, reached by a
 * real SDK client with the url-connection HTTP client, as in a Lambda function.
 */
class DynamoDbConnectionStoreServerContractTest extends ConnectionStoreContract {

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;
    private String table;

    @BeforeAll
    static void startServer() throws Exception {
        server = DynamoDbLocalServer.start();
        client = server.newClient();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.deleteTable(client, table);
    }

    /** Each save is an HTTP round trip here; 500 connections still make 5 pages of 100 and more. */
    @Override
    protected int pagingSampleSize() {
        return 500;
    }

    @Override
    protected ConnectionStore createEmptyStore() {
        table = DynamoDbTables.createConnectionsTable(client);
        return DynamoDbConnectionStore.builder()
                .dynamoDbClient(client)
                .tableName(table)
                .clock(DynamoDbConnectionStoreContractTest.CONTRACT_CLOCK)
                .build();
    }
}
