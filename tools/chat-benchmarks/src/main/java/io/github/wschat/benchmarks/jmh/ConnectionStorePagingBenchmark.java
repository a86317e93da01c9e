package io.github.wschat.benchmarks.jmh;

import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reading the connections table from DynamoDB Local on loopback (as in the fan-out benchmark), with
 * {@code connections} items shaped as this project stores them. Per call, in ms:
 * <ul>
 *   <li>{@link #pageThroughAll}: what {@code BroadcastService} does, {@code DynamoDbConnectionStore.findPage}
 *       pages of 500 until the last (strongly consistent Scan, TTL filter, projection);</li>
 *   <li>{@link #firstPage}: how long the broadcast waits before its first send;</li>
 *   <li>{@link #loadAllIntoOneList}: the alternative, one list of every item from the SDK's paginator, before
 *       anything can be sent;</li>
 *   <li>{@link #tutorialSingleScan}: what the tutorial reads, one Scan call projecting {@code connectionId} (at
 *       most 1 MB: the whole table here).</li>
 * </ul>
 * Explains how much of a broadcast is reading DynamoDB Local, and that paging costs no more than one load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConnectionStorePagingBenchmark {

    private static final String TABLE = "wschat-bench-paging";

    @Param({"5000"})
    public int connections;

    private DynamoDbLocalServer server;
    private DynamoDbClient dynamoDb;
    private DynamoDbConnectionStore store;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        server = DynamoDbLocalServer.start();
        dynamoDb = server.newClient();
        DynamoDbTables.createConnectionsTable(dynamoDb, TABLE);
        store = DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName(TABLE).build();
        // one connection through the store, to copy its item shape; the rest in batches of 25, for speed
        store.save(Connection.of(ConnectionId.of("conn00000000000="), Instant.now(), ClientIdentity.of("127.0.0.1", null)));
        Map<String, AttributeValue> shape = dynamoDb.getItem(get -> get.tableName(TABLE)
                .key(Map.of("connectionId", AttributeValue.fromS("conn00000000000=")))).item();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 1; i < connections; i++) {
            Map<String, AttributeValue> item = new HashMap<>(shape);
            item.put("connectionId", AttributeValue.fromS(String.format("conn%011d=", i)));
            batch.add(WriteRequest.builder().putRequest(put -> put.item(item)).build());
            if (batch.size() == 25 || i == connections - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(Map.of(TABLE, requests)));
                if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                    throw new IllegalStateException("DynamoDB Local left items unprocessed");
                }
                batch.clear();
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public int pageThroughAll() {
        int count = 0;
        PageRequest request = PageRequest.first(500);
        while (true) {
            ConnectionPage page = store.findPage(request);
            count += page.connections().size();
            if (page.next().isEmpty()) {
                return count;
            }
            request = request.after(page.next().get());
        }
    }

    @Benchmark
    public int firstPage() {
        return store.findPage(PageRequest.first(500)).connections().size();
    }

    @Benchmark
    public int loadAllIntoOneList() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        dynamoDb.scanPaginator(scan -> scan.tableName(TABLE).consistentRead(true)).items().forEach(all::add);
        return all.size();
    }

    @Benchmark
    public int tutorialSingleScan() {
        return dynamoDb.scan(scan -> scan.tableName(TABLE).projectionExpression("connectionId")).count();
    }
}
