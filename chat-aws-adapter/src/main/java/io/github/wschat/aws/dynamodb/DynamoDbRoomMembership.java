package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;
import io.github.wschat.core.port.out.RoomMembershipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import static io.github.wschat.aws.dynamodb.DynamoDbItems.isLive;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.longOf;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.number;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.string;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.stringOf;

/**
 * A {@link RoomMembership} in a DynamoDB table, one item per connection in a room, through the
 * low-level {@link DynamoDbClient}.
 *
 * <p><b>Table</b> ({@link #tableDefinition(String)} makes it): partition key {@value #ROOM} (S), sort
 * key {@value #CONNECTION_ID} (S), on demand. Each item holds
 * <ul>
 *   <li>{@value #ROOM} (S) and {@value #CONNECTION_ID} (S): the room and the connection in it;</li>
 *   <li>{@value #USER_ID} (S) and {@value #USER_NAME} (S): the user speaking on that connection;</li>
 *   <li>{@value #JOINED_AT} (N): when it joined, epoch milliseconds;</li>
 *   <li>the TTL attribute (N, {@value #DEFAULT_TTL_ATTRIBUTE_NAME} by default), epoch <em>seconds</em>,
 *       {@code joinedAt + ttlDuration} (default 2 h 15 min, as the connections': API Gateway closes
 *       every connection after 2 h, so a membership whose {@code $disconnect} never came goes away with
 *       its connection). Enable the table's Time to Live on it. Reads hide expired items, which
 *       DynamoDB deletes late.</li>
 * </ul>
 * and two indexes:
 * <ul>
 *   <li>the global secondary index {@value #CONNECTION_INDEX}: partition key {@value #CONNECTION_ID},
 *       sort key {@value #ROOM}, every attribute projected: the rooms of a connection, for
 *       {@link #removeConnection};</li>
 *   <li>the local secondary index {@value #USER_INDEX}: sort key {@value #USER_ID} beside the room,
 *       the TTL attribute projected: the connections of a user in a room, for {@link #connectionCount}.</li>
 * </ul>
 *
 * <p><b>Calls.</b> Writes are strongly consistent, and so are the reads of the table and of its local
 * index; the global index can only be read eventually consistent (below).
 * <ul>
 *   <li>{@link #join}: one PutItem, conditional on {@code attribute_not_exists(connectionId)} or an
 *       expired item: a failed condition means the connection is in the room already and the item is
 *       kept as it was; concurrent joins of one connection make exactly one new.</li>
 *   <li>{@link #leave}: one DeleteItem returning the old item ({@code ALL_OLD}).</li>
 *   <li>{@link #isMember}: one consistent GetItem.</li>
 *   <li>{@link #connectionCount}: one consistent Query of {@value #USER_INDEX} (room and user id),
 *       {@code Select COUNT}, filtered on the TTL: it reads the user's memberships in the room only,
 *       never the room's members (0.5 read unit for up to 4 KB of them, i.e. hundreds). The price is
 *       that each membership write also writes the local index (and the global one).</li>
 *   <li>{@link #members}: one consistent Query of the room's partition a page, {@code Limit} = the page
 *       size, filtered on the TTL; its {@code LastEvaluatedKey} becomes the page's cursor
 *       ({@code m1.<room>.<connection id>}, base64url, checked when it comes back). Never a Scan.</li>
 *   <li>{@link #removeConnection}: one Query of {@value #CONNECTION_INDEX} (another per 1 MB of the
 *       connection's memberships, i.e. thousands of rooms), then one BatchWriteItem of deletes per 25
 *       rooms, each retried for its {@code UnprocessedItems} at most {@value #MAX_BATCH_ATTEMPTS} times
 *       with the SDK's exponential backoff with jitter. For a connection in {@code R} rooms that is
 *       {@code 1 + ceil(R / 25)} calls when nothing is throttled, and at most
 *       {@code 1 + ceil(R / 25) × } {@value #MAX_BATCH_ATTEMPTS}; it never reads a room's members. The
 *       index is eventually consistent: a join made a moment before (typically under a second) may not
 *       be seen yet; that membership then stays until its TTL and {@code leave}, hidden from nobody
 *       meanwhile. Two removals at once (a {@code $disconnect} and a 410) may both report a membership.</li>
 * </ul>
 *
 * <p>Items that are not memberships are skipped by the Query reads with a warning and make
 * {@link #leave} fail. Thread-safe. Every SDK failure becomes a {@link RoomMembershipException}
 * naming the operation and the table, with the SDK exception as its cause.
 *
 * <pre>{@code
 * RoomMembership membership = DynamoDbRoomMembership.builder()
 *         .dynamoDbClient(DynamoDbClient.create())
 *         .tableName("wschat-memberships")
 *         .build();
 * }</pre>
 */
public final class DynamoDbRoomMembership implements RoomMembership {

    /** Partition key (S): the room's name. */
    public static final String ROOM = "room";
    /** Sort key (S) and the global index's partition key: the connection id. */
    public static final String CONNECTION_ID = "connectionId";
    /** The user's id (S), and the local index's sort key. */
    public static final String USER_ID = "userId";
    /** The user's name (S); not {@code name}, one of DynamoDB's reserved words. */
    public static final String USER_NAME = "userName";
    /** When the connection joined the room (N), epoch milliseconds. */
    public static final String JOINED_AT = "joinedAt";
    /** The default name of the TTL attribute (N, epoch seconds). */
    public static final String DEFAULT_TTL_ATTRIBUTE_NAME = "ttl";
    /** The global secondary index of the rooms of a connection: {@value #CONNECTION_ID}, then {@value #ROOM}. */
    public static final String CONNECTION_INDEX = "connectionId-room-index";
    /** The local secondary index of a user's connections in a room: {@value #ROOM}, then {@value #USER_ID}. */
    public static final String USER_INDEX = "room-userId-index";
    /** The default time to live of a membership after {@code joinedAt}: the connections', 2 h 15 min. */
    public static final Duration DEFAULT_TTL_DURATION = DynamoDbConnectionStore.DEFAULT_TTL_DURATION;
    /** BatchWriteItem takes at most 25 requests a call. */
    public static final int BATCH_SIZE = 25;
    /** How many times one batch of deletes is sent at most, for DynamoDB's {@code UnprocessedItems}. */
    public static final int MAX_BATCH_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRoomMembership.class);
    private static final BackoffStrategy UNPROCESSED_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1));

    private static final String ROOM_NAME = "#room";
    private static final String CONNECTION_NAME = "#cid";
    private static final String USER_ID_NAME = "#uid";
    private static final String TTL_NAME = "#ttl";
    private static final String ROOM_VALUE = ":room";
    private static final String CONNECTION_VALUE = ":cid";
    private static final String USER_ID_VALUE = ":uid";
    private static final String NOW_VALUE = ":now";
    private static final String LIVE_FILTER = "attribute_not_exists(" + TTL_NAME + ") OR " + TTL_NAME + " > " + NOW_VALUE;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String ttlAttributeName;
    private final Duration ttlDuration;
    private final Clock clock;

    private DynamoDbRoomMembership(Builder builder) {
        this.dynamoDb = builder.dynamoDbClient;
        this.tableName = builder.tableName;
        this.ttlAttributeName = builder.ttlAttributeName;
        this.ttlDuration = builder.ttlDuration;
        this.clock = builder.clock;
    }

    /** A builder; {@link Builder#dynamoDbClient} and {@link Builder#tableName} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this membership's settings, to make one that differs in some. */
    public Builder toBuilder() {
        return new Builder().dynamoDbClient(dynamoDb).tableName(tableName).ttlAttributeName(ttlAttributeName)
                .ttlDuration(ttlDuration).clock(clock);
    }

    /**
     * The table this class reads and writes, named {@code tableName}: its keys, both indexes, on-demand
     * billing. Time to Live is set apart, on {@value #DEFAULT_TTL_ATTRIBUTE_NAME} (or the attribute
     * configured), e.g. with {@code UpdateTimeToLive}.
     */
    public static CreateTableRequest tableDefinition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(ROOM, KeyType.HASH), key(CONNECTION_ID, KeyType.RANGE))
                .attributeDefinitions(stringAttribute(ROOM), stringAttribute(CONNECTION_ID), stringAttribute(USER_ID))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(CONNECTION_INDEX)
                        .keySchema(key(CONNECTION_ID, KeyType.HASH), key(ROOM, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName(USER_INDEX)
                        .keySchema(key(ROOM, KeyType.HASH), key(USER_ID, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(DEFAULT_TTL_ATTRIBUTE_NAME).build())
                        .build())
                .build();
    }

    static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    static AttributeDefinition attribute(String attribute, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(type).build();
    }

    private static AttributeDefinition stringAttribute(String attribute) {
        return attribute(attribute, ScalarAttributeType.S);
    }

    @Override
    public boolean join(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        Map<String, AttributeValue> item = toItem(membership);
        try {
            call("PutItem", () -> dynamoDb.putItem(put -> put
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(" + CONNECTION_NAME + ") OR " + TTL_NAME + " <= " + NOW_VALUE)
                    .expressionAttributeNames(Map.of(CONNECTION_NAME, CONNECTION_ID, TTL_NAME, ttlAttributeName))
                    .expressionAttributeValues(Map.of(NOW_VALUE, number(nowInEpochSeconds())))));
            return true;
        } catch (RoomMembershipException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Membership> leave(RoomName room, ConnectionId connection) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(connection, "connection");
        DeleteItemResponse response = call("DeleteItem", () -> dynamoDb.deleteItem(delete -> delete
                .tableName(tableName)
                .key(keyOf(room.value(), connection.value()))
                .returnValues(ReturnValue.ALL_OLD)));
        if (!response.hasAttributes() || response.attributes().isEmpty()
                || !isLive(response.attributes(), ttlAttributeName, nowInEpochSeconds())) {
            return Optional.empty();
        }
        try {
            return Optional.of(toMembership(response.attributes()));
        } catch (IllegalArgumentException e) {
            throw new RoomMembershipException("Item (" + room + ", " + connection + ") of DynamoDB table '" + tableName
                    + "' was not a membership: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isMember(RoomName room, ConnectionId connection) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(connection, "connection");
        GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(tableName)
                .key(keyOf(room.value(), connection.value()))
                .consistentRead(true)
                .projectionExpression(CONNECTION_NAME + ", " + TTL_NAME)
                .expressionAttributeNames(Map.of(CONNECTION_NAME, CONNECTION_ID, TTL_NAME, ttlAttributeName))));
        return response.hasItem() && !response.item().isEmpty()
                && isLive(response.item(), ttlAttributeName, nowInEpochSeconds());
    }

    @Override
    public int connectionCount(RoomName room, String userId) {
        Objects.requireNonNull(room, "room");
        UserRef.of(Objects.requireNonNull(userId, "userId"), userId);
        int count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(USER_INDEX)
                    .consistentRead(true)
                    .select(Select.COUNT)
                    .keyConditionExpression(ROOM_NAME + " = " + ROOM_VALUE + " AND " + USER_ID_NAME + " = " + USER_ID_VALUE)
                    .filterExpression(LIVE_FILTER)
                    .expressionAttributeNames(Map.of(ROOM_NAME, ROOM, USER_ID_NAME, USER_ID, TTL_NAME, ttlAttributeName))
                    .expressionAttributeValues(Map.of(ROOM_VALUE, string(room.value()), USER_ID_VALUE, string(userId),
                            NOW_VALUE, number(nowInEpochSeconds())));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = call("Query", () -> dynamoDb.query(query.build()));
            count += response.count();
            startKey = DynamoDbItems.nextStartKey(response);
        } while (startKey != null);
        return count;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the request's cursor was not made by a membership of this room
     */
    @Override
    public MembershipPage members(RoomName room, PageRequest request) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(request, "request");
        Optional<MembershipCursor> after = request.cursor().map(cursor -> MembershipCursor.decode(cursor, room));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .limit(request.size())
                .keyConditionExpression(ROOM_NAME + " = " + ROOM_VALUE)
                .filterExpression(LIVE_FILTER)
                .expressionAttributeNames(Map.of(ROOM_NAME, ROOM, TTL_NAME, ttlAttributeName))
                .expressionAttributeValues(Map.of(ROOM_VALUE, string(room.value()), NOW_VALUE, number(nowInEpochSeconds())));
        after.ifPresent(cursor -> query.exclusiveStartKey(keyOf(room.value(), cursor.after().value())));
        QueryResponse response = call("Query", () -> dynamoDb.query(query.build()));
        List<Membership> memberships = readable(response.items());
        LOG.debug("Queried room {} of table '{}': {} of {} memberships live, more: {}", room, tableName,
                response.count(), response.scannedCount(), response.hasLastEvaluatedKey());
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return MembershipPage.last(memberships);
        }
        String lastConnection = keyPart(response.lastEvaluatedKey(), CONNECTION_ID);
        return MembershipPage.of(memberships, new MembershipCursor(room, ConnectionId.of(lastConnection)).encode());
    }

    @Override
    public List<Membership> removeConnection(ConnectionId connection) {
        Objects.requireNonNull(connection, "connection");
        long now = nowInEpochSeconds();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(CONNECTION_INDEX)
                    .keyConditionExpression(CONNECTION_NAME + " = " + CONNECTION_VALUE)
                    .expressionAttributeNames(Map.of(CONNECTION_NAME, CONNECTION_ID))
                    .expressionAttributeValues(Map.of(CONNECTION_VALUE, string(connection.value())));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = call("Query", () -> dynamoDb.query(query.build()));
            found.addAll(response.items());
            startKey = DynamoDbItems.nextStartKey(response);
        } while (startKey != null);

        for (int from = 0; from < found.size(); from += BATCH_SIZE) {
            List<WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> item : found.subList(from, Math.min(from + BATCH_SIZE, found.size()))) {
                Map<String, AttributeValue> key = Map.of(ROOM, item.get(ROOM), CONNECTION_ID, item.get(CONNECTION_ID));
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
            }
            deleteAll(deletes);
        }
        // an expired membership was not one any more: deleted, but not told as a leave
        List<Map<String, AttributeValue>> live = found.stream().filter(item -> isLive(item, ttlAttributeName, now)).toList();
        List<Membership> removed = readable(live);
        LOG.debug("Removed connection {} from {} rooms of table '{}'", connection, found.size(), tableName);
        return removed;
    }

    private void deleteAll(List<WriteRequest> deletes) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, deletes);
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = call("BatchWriteItem", () -> dynamoDb.batchWriteItem(batch -> batch
                    .requestItems(request)));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            if (attempt == MAX_BATCH_ATTEMPTS) {
                throw new RoomMembershipException("DynamoDB BatchWriteItem on table '" + tableName + "' left "
                        + response.unprocessedItems().getOrDefault(tableName, List.of()).size()
                        + " deletes unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
            }
            pending = response.unprocessedItems();
            pause(UNPROCESSED_BACKOFF.computeDelay(attempt));
        }
    }

    private void pause(Duration delay) {
        DynamoDbItems.pause(delay, e -> new RoomMembershipException(
                "Interrupted while removing memberships from DynamoDB table '" + tableName + "'", e));
    }

    /** The memberships of the items, skipping (with a warning) those that are not one. */
    private List<Membership> readable(List<Map<String, AttributeValue>> items) {
        List<Membership> memberships = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            try {
                memberships.add(toMembership(item));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping an item of DynamoDB table '{}' that is not a membership: {}", tableName, e.getMessage());
            }
        }
        return memberships;
    }

    private String keyPart(Map<String, AttributeValue> lastEvaluatedKey, String attribute) {
        AttributeValue value = lastEvaluatedKey.get(attribute);
        if (value == null || value.s() == null || !ConnectionId.isValid(value.s())) {
            throw new RoomMembershipException("DynamoDB table '" + tableName + "' does not have the key schema of a"
                    + " membership table (partition key '" + ROOM + "', sort key '" + CONNECTION_ID + "', both S);"
                    + " Query returned a LastEvaluatedKey of attributes " + lastEvaluatedKey.keySet());
        }
        return value.s();
    }

    private Map<String, AttributeValue> toItem(Membership membership) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ROOM, string(membership.room().value()));
        item.put(CONNECTION_ID, string(membership.connection().value()));
        item.put(USER_ID, string(membership.user().userId()));
        item.put(USER_NAME, string(membership.user().name()));
        item.put(JOINED_AT, number(membership.joinedAt().toEpochMilli()));
        item.put(ttlAttributeName, number(membership.joinedAt().plus(ttlDuration).getEpochSecond()));
        return item;
    }

    /**
     * The membership of an item.
     *
     * @throws IllegalArgumentException naming the attribute, never its value, if the item is not a membership
     */
    private static Membership toMembership(Map<String, AttributeValue> item) {
        String room = stringOf(item, ROOM);
        String connection = stringOf(item, CONNECTION_ID);
        if (!RoomName.isValid(room) || !ConnectionId.isValid(connection)) {
            throw new IllegalArgumentException("'" + ROOM + "' or '" + CONNECTION_ID + "' is not a room name or connection id");
        }
        String userId = stringOf(item, USER_ID);
        String name = stringOf(item, USER_NAME);
        Instant joinedAt = Instant.ofEpochMilli(longOf(item, JOINED_AT));
        UserRef user;
        try {
            user = UserRef.of(userId, name);
        } catch (IllegalArgumentException e) {
            // not chained: UserRef's message shows the start of the refused value
            throw new IllegalArgumentException("'" + USER_ID + "' and '" + USER_NAME + "' do not make a user");
        }
        return Membership.of(RoomName.of(room), ConnectionId.of(connection), user, joinedAt);
    }

    private static Map<String, AttributeValue> keyOf(String room, String connection) {
        return Map.of(ROOM, string(room), CONNECTION_ID, string(connection));
    }

    private long nowInEpochSeconds() {
        return clock.instant().getEpochSecond();
    }

    private <T> T call(String operation, Supplier<T> call) {
        return DynamoDbItems.call(operation, tableName, call, RoomMembershipException::new);
    }

    /** The table the memberships are kept in. */
    public String tableName() {
        return tableName;
    }

    /** The attribute holding each item's expiry, in epoch seconds. */
    public String ttlAttributeName() {
        return ttlAttributeName;
    }

    /** How long after {@code joinedAt} a membership expires. */
    public Duration ttlDuration() {
        return ttlDuration;
    }

    @Override
    public String toString() {
        return "DynamoDbRoomMembership[table=" + tableName + ", ttlAttribute=" + ttlAttributeName + ", ttl=" + ttlDuration + "]";
    }

    /**
     * Builds a {@link DynamoDbRoomMembership}.
     *
     * <pre>{@code
     * DynamoDbRoomMembership membership = DynamoDbRoomMembership.builder()
     *         .dynamoDbClient(dynamoDbClient)          // required, shared and closed by the caller
     *         .tableName("wschat-memberships")         // required; laid out as tableDefinition(name)
     *         .ttlAttributeName("ttl")                 // default "ttl"
     *         .ttlDuration(Duration.ofMinutes(135))    // default 2 h (API Gateway's maximum) + 15 min
     *         .clock(Clock.systemUTC())                // default; "now" for hiding expired items
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private DynamoDbClient dynamoDbClient;
        private String tableName;
        private String ttlAttributeName = DEFAULT_TTL_ATTRIBUTE_NAME;
        private Duration ttlDuration = DEFAULT_TTL_DURATION;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The client to call DynamoDB with; required. The membership does not close it. */
        public Builder dynamoDbClient(DynamoDbClient dynamoDbClient) {
            this.dynamoDbClient = dynamoDbClient;
            return this;
        }

        /** The name (or ARN) of the membership table; required. */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /**
         * The attribute the table's Time to Live is enabled on; default {@value DynamoDbRoomMembership#DEFAULT_TTL_ATTRIBUTE_NAME}.
         * Another name needs a table whose {@value DynamoDbRoomMembership#USER_INDEX} projects it.
         */
        public Builder ttlAttributeName(String ttlAttributeName) {
            this.ttlAttributeName = ttlAttributeName;
            return this;
        }

        /** How long after {@code joinedAt} a membership expires; default {@link DynamoDbRoomMembership#DEFAULT_TTL_DURATION}. */
        public Builder ttlDuration(Duration ttlDuration) {
            this.ttlDuration = ttlDuration;
            return this;
        }

        /** The clock telling now, to hide expired items; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The membership.
         *
         * @throws IllegalStateException if a required value is missing or a value is out of range
         */
        public DynamoDbRoomMembership build() {
            require(dynamoDbClient != null, "dynamoDbClient is required");
            require(tableName != null && !tableName.isBlank(), "tableName is required and must not be blank");
            require(ttlAttributeName != null && !ttlAttributeName.isBlank(), "ttlAttributeName must not be blank");
            require(!List.of(ROOM, CONNECTION_ID, USER_ID, USER_NAME, JOINED_AT).contains(ttlAttributeName),
                    "ttlAttributeName must differ from the other attributes, is '" + ttlAttributeName + "'");
            require(DynamoDbItems.isPositive(ttlDuration), "ttlDuration must be positive, is " + ttlDuration);
            require(clock != null, "clock must not be null");
            return new DynamoDbRoomMembership(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException("DynamoDbRoomMembership: " + message);
            }
        }
    }
}
