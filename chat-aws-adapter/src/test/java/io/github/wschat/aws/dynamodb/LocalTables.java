package io.github.wschat.aws.dynamodb;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * DynamoDB Local for one test class, embedded or over HTTP (with interceptors that see every call), and
 * the tables its tests make, dropped after each test. Register it as a static field:
 * {@code @RegisterExtension static final LocalTables TABLES = LocalTables.embedded();}.
 *
 * <p>Tables are made with Time to Live off: DynamoDB Local deletes expired items (by the real clock)
 * in the background, and tests write items whose TTL is past by the real clock.
 */
final class LocalTables implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final boolean overHttp;
    private final ExecutionInterceptor[] interceptors;
    private final List<String> tables = new ArrayList<>();
    private EmbeddedDynamoDb embedded;
    private DynamoDbLocalServer server;
    private DynamoDbClient client;

    private LocalTables(boolean overHttp, ExecutionInterceptor... interceptors) {
        this.overHttp = overHttp;
        this.interceptors = interceptors;
    }

    static LocalTables embedded() {
        return new LocalTables(false);
    }

    static LocalTables overHttp(ExecutionInterceptor... interceptors) {
        return new LocalTables(true, interceptors);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (overHttp) {
            server = DynamoDbLocalServer.start();
            client = server.newClient(interceptors);
        } else {
            embedded = EmbeddedDynamoDb.start();
            client = embedded.client();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        tables.forEach(table -> DynamoDbTables.deleteTable(client, table));
        tables.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    DynamoDbClient client() {
        return client;
    }

    /** A new table laid out by {@code layout}, dropped after the test. */
    String create(Function<String, CreateTableRequest> layout) {
        String table = DynamoDbTables.createTable(client, layout, null);
        tables.add(table);
        return table;
    }
}
