package io.github.wschat.benchmarks.server;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The driver's own access to the connections table of a benchmark server, for setting up and checking:
 * counting items, measuring the table's size by DynamoDB's item-size rules, padding items, filling it with
 * stored connections that have no client. Never part of a measured interval.
 */
public final class ConnectionsTable implements AutoCloseable {

    /** The attribute padding adds to make items bigger. */
    public static final String PAD = "pad";
    private static final int WRITERS = 8;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final SecureRandom random = new SecureRandom();

    public ConnectionsTable(URI endpoint, String tableName) {
        this.dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        this.tableName = tableName;
    }

    /** How many items the table holds (a full, paginated count). */
    public int count() {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tableName).select(Select.COUNT).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Waits until the table holds {@code expected} items (the server's handlers write asynchronously). */
    public void awaitCount(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = count();
        while (count != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the table holds " + count + " items, expected " + expected);
            }
            Thread.sleep(100);
            count = count();
        }
    }

    /** The sum of the items' sizes, as DynamoDB counts them against the 1 MB of a Scan call. */
    public long sizeBytes() {
        long size = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tableName).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                size += itemSize(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return size;
    }

    /** Attribute names plus values: strings in UTF-8 bytes, numbers about one byte per two digits, plus one. */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                size += new BigDecimal(value.n()).precision() / 2 + 2;
            } else {
                size += 1;
            }
        }
        return size;
    }

    /** Gives every item an extra string attribute of {@code bytes} characters. */
    public void pad(int bytes) throws Exception {
        AttributeValue pad = AttributeValue.fromS("x".repeat(bytes));
        forEachKey(key -> dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
                .updateExpression("SET #pad = :pad")
                .expressionAttributeNames(Map.of("#pad", PAD))
                .expressionAttributeValues(Map.of(":pad", pad))));
    }

    /** Removes the padding attribute from every item. */
    public void unpad() throws Exception {
        forEachKey(key -> dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
                .updateExpression("REMOVE #pad")
                .expressionAttributeNames(Map.of("#pad", PAD))));
    }

    /**
     * Adds {@code count} items shaped as this project's {@code $connect} stores them with authorization off
     * (id, connectedAt, ttl, sourceIp, the anonymous user) for connections that have no client: stored
     * connections for the scaling benchmark, and the other connections of the rooms benchmark.
     *
     * @return their connection ids
     */
    public List<String> addStoredConnections(int count) throws Exception {
        long now = Instant.now().toEpochMilli();
        List<String> ids = new ArrayList<>(count);
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = newId();
            ids.add(id);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("connectionId", AttributeValue.fromS(id));
            item.put("connectedAt", AttributeValue.fromN(Long.toString(now)));
            item.put("ttl", AttributeValue.fromN(Long.toString(now / 1000 + 8100)));
            item.put("sourceIp", AttributeValue.fromS("127.0.0.1"));
            item.put("userId", AttributeValue.fromS("anon:" + id));
            item.put("userName", AttributeValue.fromS("anonymous"));
            items.add(item);
        }
        putItems(tableName, items);
        return ids;
    }

    /**
     * Writes {@code items} to {@code table} (this one or another table of the same DynamoDB Local) with
     * BatchWriteItem, 25 a call, {@value #WRITERS} calls at a time, writing again what is left unprocessed.
     */
    public void putItems(String table, List<Map<String, AttributeValue>> items) throws Exception {
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<WriteRequest> requests : batches) {
                done.add(writers.submit(() -> writeAll(table, requests)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private void writeAll(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; attempt < 10 && !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> current = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(current));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("DynamoDB Local left items unprocessed after 10 attempts");
        }
    }

    private void forEachKey(Consumer<Map<String, AttributeValue>> action) throws Exception {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tableName).projectionExpression("connectionId")
                    .exclusiveStartKey(from));
            keys.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        ExecutorService workers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys) {
                done.add(workers.submit(() -> action.accept(key)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            workers.shutdown();
        }
    }

    /** An id shaped like API Gateway's: base64url of 11 random bytes, 16 characters. */
    private String newId() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes).replace('-', 'A').replace('_', 'B');
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
