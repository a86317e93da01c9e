package io.github.wschat.benchmarks.server;

import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rooms benchmark driver's own access to the server's room tables, for setting up and checking: the
 * connection ids stored, a room's members, membership items shaped as the project's {@code join} writes them,
 * messages appended through the project's {@link DynamoDbMessageLog}. Never part of a measured interval.
 */
public final class RoomItems implements AutoCloseable {

    private static final int APPENDERS = 4;

    private final DynamoDbClient dynamoDb;
    private final RoomTables tables;
    private final DynamoDbMessageLog log;

    public RoomItems(URI endpoint, RoomTables tables) {
        this.dynamoDb = DynamoDbLocalClients.client(endpoint);
        this.tables = tables;
        this.log = DynamoDbMessageLog.builder().dynamoDbClient(dynamoDb).tableName(tables.messages()).build();
    }

    /** Every connection id of the connections table. */
    public List<String> connectionIds() {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tables.connections())
                    .projectionExpression("connectionId").exclusiveStartKey(from));
            page.items().forEach(item -> ids.add(item.get("connectionId").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    /** The connection ids of a room's memberships (a consistent Query of its partition). */
    public List<String> memberIds(String room) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(query -> query.tableName(tables.memberships()).consistentRead(true)
                    .keyConditionExpression("#room = :room")
                    .expressionAttributeNames(Map.of("#room", DynamoDbRoomMembership.ROOM))
                    .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> ids.add(item.get(DynamoDbRoomMembership.CONNECTION_ID).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    /** How many items the memberships table holds (a full, paginated count). */
    public long membershipCount() {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(tables.memberships()).select(Select.COUNT)
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /**
     * The membership items of {@code connections} in {@code room}, as {@code join} writes them for a connection
     * of authorization off (its anonymous user): room, connectionId, userId, userName, joinedAt, ttl.
     */
    public static List<Map<String, AttributeValue>> memberships(String room, List<String> connections) {
        long now = Instant.now().toEpochMilli();
        String ttl = Long.toString(Instant.ofEpochMilli(now).plus(DynamoDbRoomMembership.DEFAULT_TTL_DURATION).getEpochSecond());
        List<Map<String, AttributeValue>> items = new ArrayList<>(connections.size());
        for (String connection : connections) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(DynamoDbRoomMembership.ROOM, AttributeValue.fromS(room));
            item.put(DynamoDbRoomMembership.CONNECTION_ID, AttributeValue.fromS(connection));
            item.put(DynamoDbRoomMembership.USER_ID, AttributeValue.fromS("anon:" + connection));
            item.put(DynamoDbRoomMembership.USER_NAME, AttributeValue.fromS("anonymous"));
            item.put(DynamoDbRoomMembership.JOINED_AT, AttributeValue.fromN(Long.toString(now)));
            item.put(DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME, AttributeValue.fromN(ttl));
            items.add(item);
        }
        return items;
    }

    /** Stores {@code count} messages of {@code text} in {@code room} as the project's publish does (its append). */
    public void appendMessages(String room, int count, String text) throws Exception {
        UserRef from = UserRef.of("anon:bench-publisher", "anonymous");
        ExecutorService appenders = Executors.newFixedThreadPool(APPENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MessageId id = MessageId.of("r" + i);
                done.add(appenders.submit(() -> log.append(new NewMessage(RoomName.of(room), id, from, text, Instant.now()))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            appenders.shutdown();
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
