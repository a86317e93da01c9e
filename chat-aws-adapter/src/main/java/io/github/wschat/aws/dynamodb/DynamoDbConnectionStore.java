package io.github.wschat.aws.dynamodb;

import io.github.wschat.aws.dynamodb.ScanCursor.Position;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.ConnectionStoreException;
import io.github.wschat.core.port.out.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link ConnectionStore} in a DynamoDB table, one item per connection, through the low-level
 * {@link DynamoDbClient}.
 *
 * <p><b>Table.</b> The table is the one of the API Gateway WebSocket chat tutorial: partition key
 * {@value #CONNECTION_ID} (String), nothing else required. Each item holds
 * <ul>
 *   <li>{@value #CONNECTION_ID} (S): the connection id;</li>
 *   <li>{@value #CONNECTED_AT} (N): when the connection opened, in epoch milliseconds;</li>
 *   <li>{@value #SOURCE_IP} (S) and {@value #USER_AGENT} (S): the client's identity, only when known;</li>
 *   <li>{@value #USER_ID} (S) and {@value #USER_NAME} (S): the user the connection was opened by, always
 *       written (an anonymous user as {@code anon:<connection id>} and {@code anonymous});</li>
 *   <li>{@value #ROOMS} (L of S): the user's room grants in their order, absent when there are none (a
 *       list, not a string set, which would lose the order);</li>
 *   <li>the TTL attribute (N, {@value #DEFAULT_TTL_ATTRIBUTE_NAME} by default): when the item may be
 *       deleted, in epoch <em>seconds</em>, {@code connectedAt + ttlDuration}. Enable the table's
 *       Time to Live on this attribute so that connections whose {@code $disconnect} never came go
 *       away by themselves.</li>
 * </ul>
 *
 * <p><b>Expiry.</b> DynamoDB deletes expired items late (up to days), so reads hide them: an item
 * whose TTL attribute is a number of seconds not after the clock's now is neither found nor
 * listed. An item without a TTL attribute never expires, as in DynamoDB; an item without
 * {@value #CONNECTED_AT} (such as the tutorial's own {@code $connect} writes) is read as opened at
 * {@link Instant#EPOCH}, meaning unknown, and one without {@value #USER_ID} (the tutorial's, or one
 * written before connections had users) as opened by the connection's anonymous user; a
 * {@value #USER_ID} without {@value #USER_NAME} is the user's name too. Items that cannot be read as
 * a connection at all are skipped by {@link #findPage} with a warning and make {@link #find} fail.
 *
 * <p><b>Users.</b> {@link #find} reads the whole item, the user included. {@link #findPage} is for
 * reaching connections (the broadcast's fan-out), and its Scan reads only the id, {@value #CONNECTED_AT}
 * and the client's identity: the user attributes are left out of its projection, so that a fan-out
 * neither transfers nor parses up to {@value UserIdentity#MAX_ROOM_GRANTS} grants a recipient. (DynamoDB
 * still counts whole items, grants included, in a Scan's read units and its 1 MB a call.) A paged
 * connection therefore carries its {@linkplain UserIdentity#anonymous anonymous} user, as the port allows;
 * read a connection with {@link #find} to know who opened it.
 *
 * <p><b>Pages.</b> In a plain scan (the default), {@link #findPage} makes one Scan call with
 * {@code Limit} = the page size, and its {@code LastEvaluatedKey} becomes the page's cursor: the
 * first page is returned before the next is read. Scans and GetItem are strongly consistent, which
 * costs twice the read units of an eventually consistent read, so that a connection saved just
 * before an iteration starts is in it, as the port promises. A page stops at the page size or at
 * DynamoDB's 1 MB per call, and expired items are filtered after that, so a page may hold fewer
 * connections than asked, even none, while a next cursor is present.
 *
 * <p><b>Parallel scan.</b> With {@link Builder#scanSegments(int) scanSegments} {@code n > 1}, the
 * table is read as a parallel scan in {@code n} segments: each {@link #findPage} call issues one
 * Scan call per segment not yet done, all at once, shares the page size out among them as their
 * {@code Limit}s ({@code ceil(size / segments)} or one less, adding up to the page size) and
 * merges what they return into one page. The cursor holds where every segment stands (after a
 * key, or done); each item belongs to exactly one segment, so an iteration still returns each
 * connection once, and the next page is still read only when asked for. A page smaller than the
 * number of segments left scans only as many of them as it has room for. The calls run on threads
 * of the store's own: made on demand, at most {@code n}, daemon, and ended after 30 s idle, so
 * that a store needs no closing, in Lambda or elsewhere. A lone call (a plain scan, or the last
 * segment left) runs on the caller's thread; a plain scan makes no thread at all.
 *
 * <p>Thread-safe. Every SDK failure becomes a {@link ConnectionStoreException} naming the
 * operation and the table, with the SDK exception as its cause, also when it happened on a scan
 * thread.
 *
 * <pre>{@code
 * ConnectionStore store = DynamoDbConnectionStore.builder()
 *         .dynamoDbClient(DynamoDbClient.create())
 *         .tableName("wschat-connections")
 *         .build();
 * }</pre>
 */
public final class DynamoDbConnectionStore implements ConnectionStore {

    /** Partition key (S): the connection id, as in the API Gateway chat tutorial. */
    public static final String CONNECTION_ID = "connectionId";
    /** When the connection opened (N), epoch milliseconds. */
    public static final String CONNECTED_AT = "connectedAt";
    /** The client's source IP (S), absent when unknown. */
    public static final String SOURCE_IP = "sourceIp";
    /** The client's user agent (S), absent when unknown. */
    public static final String USER_AGENT = "userAgent";
    /** The user's id (S), {@code anon:<connection id>} for an anonymous user. */
    public static final String USER_ID = "userId";
    /** The user's name (S); not {@code name}, one of DynamoDB's reserved words. */
    public static final String USER_NAME = "userName";
    /** The user's room grants (L of S), in their order; absent when there are none. */
    public static final String ROOMS = "rooms";
    /** The default name of the TTL attribute (N, epoch seconds). */
    public static final String DEFAULT_TTL_ATTRIBUTE_NAME = "ttl";

    /** API Gateway closes every WebSocket connection after 2 hours; this cannot be raised. */
    public static final Duration MAX_CONNECTION_DURATION = Duration.ofHours(2);
    /**
     * Kept beyond {@link #MAX_CONNECTION_DURATION}, so that a connection is never expired while API
     * Gateway may still hold it open, despite clock skew and a late {@code connectedAt}.
     */
    public static final Duration TTL_MARGIN = Duration.ofMinutes(15);
    /** The default time to live of an item after {@code connectedAt}: 2 h 15 min. */
    public static final Duration DEFAULT_TTL_DURATION = MAX_CONNECTION_DURATION.plus(TTL_MARGIN);
    /**
     * The most segments a scan is split into. DynamoDB allows a million, but every page issues one
     * Scan call per segment, each on a thread of its own, and its cursor holds a key per segment;
     * a Lambda execution environment allows 1,024 threads.
     */
    public static final int MAX_SCAN_SEGMENTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConnectionStore.class);
    /** How long a scan thread of a segmented store waits, idle, for more work before it ends. */
    private static final Duration SCAN_THREAD_IDLE = Duration.ofSeconds(30);
    private static final AtomicInteger SCAN_POOLS = new AtomicInteger();

    private static final String ID_NAME = "#id";
    private static final String CONNECTED_AT_NAME = "#at";
    private static final String SOURCE_IP_NAME = "#ip";
    private static final String USER_AGENT_NAME = "#ua";
    private static final String TTL_NAME = "#ttl";
    private static final String USER_ID_NAME = "#uid";
    private static final String USER_NAME_NAME = "#uname";
    private static final String ROOMS_NAME = "#rooms";
    private static final String NOW_VALUE = ":now";
    private static final String CONNECTION_PROJECTION =
            String.join(", ", ID_NAME, CONNECTED_AT_NAME, SOURCE_IP_NAME, USER_AGENT_NAME);
    /** All of an item {@link #find} reads: the connection, its user and the TTL to hide it when expired. */
    private static final String ITEM_PROJECTION =
            String.join(", ", CONNECTION_PROJECTION, USER_ID_NAME, USER_NAME_NAME, ROOMS_NAME, TTL_NAME);
    /** Keeps what {@link #isLive} keeps: the two must agree, or find and findPage would disagree. */
    private static final String LIVE_FILTER =
            "attribute_not_exists(" + TTL_NAME + ") OR " + TTL_NAME + " > " + NOW_VALUE;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String ttlAttributeName;
    private final Duration ttlDuration;
    private final Clock clock;
    private final int scanSegments;
    /** Runs the concurrent Scan calls of a segmented store; null for a plain scan. */
    private final ThreadPoolExecutor scanThreads;
    /** The names of the Scan's expressions; DynamoDB refuses a name an expression does not use. */
    private final Map<String, String> scanAttributeNames;
    /** The names of {@link #find}'s projection. */
    private final Map<String, String> itemAttributeNames;

    private DynamoDbConnectionStore(Builder builder) {
        this.dynamoDb = builder.dynamoDbClient;
        this.tableName = builder.tableName;
        this.ttlAttributeName = builder.ttlAttributeName;
        this.ttlDuration = builder.ttlDuration;
        this.clock = builder.clock;
        this.scanSegments = builder.scanSegments;
        this.scanThreads = scanSegments == 1 ? null : newScanPool(scanSegments);
        this.scanAttributeNames = Map.of(
                ID_NAME, CONNECTION_ID,
                CONNECTED_AT_NAME, CONNECTED_AT,
                SOURCE_IP_NAME, SOURCE_IP,
                USER_AGENT_NAME, USER_AGENT,
                TTL_NAME, ttlAttributeName);
        Map<String, String> itemNames = new HashMap<>(scanAttributeNames);
        itemNames.put(USER_ID_NAME, USER_ID);
        itemNames.put(USER_NAME_NAME, USER_NAME);
        itemNames.put(ROOMS_NAME, ROOMS);
        this.itemAttributeNames = Map.copyOf(itemNames);
    }

    /** A builder; {@link Builder#dynamoDbClient} and {@link Builder#tableName} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this store's settings, to make a store that differs in some. */
    public Builder toBuilder() {
        return new Builder()
                .dynamoDbClient(dynamoDb)
                .tableName(tableName)
                .ttlAttributeName(ttlAttributeName)
                .ttlDuration(ttlDuration)
                .clock(clock)
                .scanSegments(scanSegments);
    }

    @Override
    public void save(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        Map<String, AttributeValue> item = toItem(connection);
        call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(tableName).item(item)));
    }

    @Override
    public void remove(ConnectionId id) {
        Objects.requireNonNull(id, "id");
        // DeleteItem of a missing key succeeds: removing twice is harmless
        call("DeleteItem", () -> dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(keyOf(id.value()))));
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        Objects.requireNonNull(id, "id");
        GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(tableName)
                .key(keyOf(id.value()))
                .consistentRead(true)
                .projectionExpression(ITEM_PROJECTION)
                .expressionAttributeNames(itemAttributeNames)));
        if (!response.hasItem() || response.item().isEmpty() || !isLive(response.item(), nowInEpochSeconds())) {
            return Optional.empty();
        }
        try {
            return Optional.of(toConnection(response.item(), true));
        } catch (IllegalArgumentException e) {
            throw new ConnectionStoreException("Item " + id + " of DynamoDB table '" + tableName
                    + "' is not a connection: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the request's cursor was not made by a store of this
     *                                  table with the same number of scan segments
     */
    @Override
    public ConnectionPage findPage(PageRequest request) {
        Objects.requireNonNull(request, "request");
        List<Position> positions = request.cursor()
                .map(cursor -> ScanCursor.decode(cursor, scanSegments).positions())
                .orElse(ScanCursor.firstPage(scanSegments));
        List<Integer> segments = segmentsToScan(positions, request.size());
        long now = nowInEpochSeconds();
        List<Supplier<ScanResponse>> scans = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            int segment = segments.get(i);
            // the page size shared out: the limits add up to it, so that the page is never larger
            int limit = request.size() / segments.size() + (i < request.size() % segments.size() ? 1 : 0);
            Position position = positions.get(segment);
            scans.add(() -> scan(segment, position, limit, now));
        }
        List<ScanResponse> responses = runAll(scans);

        List<Connection> connections = new ArrayList<>();
        List<Position> next = new ArrayList<>(positions);
        for (int i = 0; i < segments.size(); i++) {
            ScanResponse response = responses.get(i);
            addConnections(response, connections);
            next.set(segments.get(i), lastEvaluatedKeyOf(response).map(Position::after).orElse(Position.DONE));
        }
        if (next.stream().allMatch(Position::done)) {
            return ConnectionPage.last(connections);
        }
        return ConnectionPage.of(connections, new ScanCursor(next).encode());
    }

    /** Every segment not yet done, but no more than there are connections to ask for (a Limit is at least 1). */
    private static List<Integer> segmentsToScan(List<Position> positions, int pageSize) {
        List<Integer> segments = new ArrayList<>();
        for (int segment = 0; segment < positions.size() && segments.size() < pageSize; segment++) {
            if (!positions.get(segment).done()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /**
     * The responses of the scans, in their order: a single scan runs on the caller's thread, more
     * run at once on the scan threads, and the first failure among them is thrown, as the caller's
     * thread would have thrown it, with the others suppressed.
     */
    private List<ScanResponse> runAll(List<Supplier<ScanResponse>> scans) {
        if (scans.size() == 1) {
            return List.of(scans.get(0).get());
        }
        List<Callable<ScanResponse>> calls = scans.stream().<Callable<ScanResponse>>map(scan -> scan::get).toList();
        try {
            List<ScanResponse> responses = new ArrayList<>(scans.size());
            RuntimeException failure = null;
            // invokeAll returns once every scan is over, so get() never waits
            for (Future<ScanResponse> scan : scanThreads.invokeAll(calls)) {
                try {
                    responses.add(scan.get());
                } catch (ExecutionException e) {
                    RuntimeException cause = asThrownByScan(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return responses;
        } catch (InterruptedException e) {
            // invokeAll has cancelled the scans still running
            Thread.currentThread().interrupt();
            throw new ConnectionStoreException("Interrupted while scanning DynamoDB table '" + tableName + "'", e);
        }
    }

    /** A scan is a supplier: it throws only unchecked exceptions and errors. */
    private static RuntimeException asThrownByScan(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return (RuntimeException) thrown;
    }

    /** One Scan call in {@code segment}, from where it stands. */
    private ScanResponse scan(int segment, Position position, int limit, long now) {
        ScanRequest.Builder scan = ScanRequest.builder()
                .tableName(tableName)
                .limit(limit)
                .consistentRead(true)
                .projectionExpression(CONNECTION_PROJECTION)
                .filterExpression(LIVE_FILTER)
                .expressionAttributeNames(scanAttributeNames)
                .expressionAttributeValues(Map.of(NOW_VALUE, number(now)));
        if (scanSegments > 1) {
            scan.segment(segment).totalSegments(scanSegments);
        }
        position.startKey().ifPresent(key -> scan.exclusiveStartKey(keyOf(key)));
        ScanResponse response = call("Scan", () -> dynamoDb.scan(scan.build()));
        LOG.debug("Scanned segment {}/{} of table '{}': {} of {} items live, more: {}", segment, scanSegments,
                tableName, response.items().size(), response.scannedCount(), response.hasLastEvaluatedKey());
        return response;
    }

    private void addConnections(ScanResponse response, List<Connection> connections) {
        for (Map<String, AttributeValue> item : response.items()) {
            try {
                connections.add(toConnection(item, false));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping an item of DynamoDB table '{}' that is not a connection: {}", tableName, e.getMessage());
            }
        }
    }

    private Optional<String> lastEvaluatedKeyOf(ScanResponse response) {
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(partitionKeyOf(response.lastEvaluatedKey()));
    }

    private String partitionKeyOf(Map<String, AttributeValue> lastEvaluatedKey) {
        AttributeValue key = lastEvaluatedKey.get(CONNECTION_ID);
        if (lastEvaluatedKey.size() != 1 || key == null || key.s() == null || key.s().isEmpty()) {
            throw new ConnectionStoreException("DynamoDB table '" + tableName + "' does not have the key schema of a"
                    + " connections table (partition key '" + CONNECTION_ID + "' of type S only); Scan returned"
                    + " a LastEvaluatedKey of attributes " + lastEvaluatedKey.keySet());
        }
        return key.s();
    }

    private Map<String, AttributeValue> toItem(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CONNECTION_ID, AttributeValue.fromS(connection.id().value()));
        item.put(CONNECTED_AT, number(connection.connectedAt().toEpochMilli()));
        connection.identity().knownSourceIp().ifPresent(ip -> item.put(SOURCE_IP, AttributeValue.fromS(ip)));
        connection.identity().knownUserAgent().ifPresent(agent -> item.put(USER_AGENT, AttributeValue.fromS(agent)));
        UserIdentity user = connection.user();
        item.put(USER_ID, AttributeValue.fromS(user.userId()));
        item.put(USER_NAME, AttributeValue.fromS(user.name()));
        if (!user.roomGrants().isEmpty()) {
            item.put(ROOMS, AttributeValue.fromL(user.roomGrants().stream().map(AttributeValue::fromS).toList()));
        }
        item.put(ttlAttributeName, number(connection.connectedAt().plus(ttlDuration).getEpochSecond()));
        return item;
    }

    /**
     * The connection of an item; its user when {@code withUser} (the item was read whole), its anonymous
     * user otherwise (a scanned item holds no user attributes).
     *
     * @throws IllegalArgumentException if the item is not one of a connection
     */
    private static Connection toConnection(Map<String, AttributeValue> item, boolean withUser) {
        AttributeValue id = item.get(CONNECTION_ID);
        if (id == null || id.s() == null) {
            throw new IllegalArgumentException("no string attribute '" + CONNECTION_ID + "'");
        }
        if (!ConnectionId.isValid(id.s())) {
            throw new IllegalArgumentException("'" + CONNECTION_ID + "' is not a valid connection id");
        }
        AttributeValue connectedAt = item.get(CONNECTED_AT);
        Instant openedAt = connectedAt == null ? Instant.EPOCH : Instant.ofEpochMilli(longOf(connectedAt, CONNECTED_AT));
        ClientIdentity identity = ClientIdentity.of(stringOf(item.get(SOURCE_IP)), stringOf(item.get(USER_AGENT)));
        ConnectionId connectionId = ConnectionId.of(id.s());
        UserIdentity user = withUser ? toUser(item, connectionId) : UserIdentity.anonymous(connectionId);
        return Connection.of(connectionId, openedAt, identity, user);
    }

    /**
     * The user of a whole item: the connection's anonymous user when it has no {@value #USER_ID}. The
     * messages name the attributes, never their values.
     *
     * @throws IllegalArgumentException if the user attributes do not make a user
     */
    private static UserIdentity toUser(Map<String, AttributeValue> item, ConnectionId connectionId) {
        AttributeValue userId = item.get(USER_ID);
        if (userId == null) {
            return UserIdentity.anonymous(connectionId);
        }
        AttributeValue name = item.get(USER_NAME);
        if (userId.s() == null || name != null && name.s() == null) {
            throw new IllegalArgumentException("'" + USER_ID + "' or '" + USER_NAME + "' is not a string");
        }
        AttributeValue rooms = item.get(ROOMS);
        List<String> grants = new ArrayList<>();
        if (rooms != null) {
            if (!rooms.hasL() || rooms.l().stream().anyMatch(grant -> grant.s() == null)) {
                throw new IllegalArgumentException("'" + ROOMS + "' is not a list of strings");
            }
            rooms.l().forEach(grant -> grants.add(grant.s()));
        }
        try {
            return UserIdentity.of(userId.s(), name == null ? userId.s() : name.s(), grants);
        } catch (IllegalArgumentException e) {
            // not chained: UserIdentity's message shows the start of the refused value
            throw new IllegalArgumentException("'" + USER_ID + "', '" + USER_NAME + "' and '" + ROOMS
                    + "' do not make a user (lengths, control characters or grants)");
        }
    }

    /** Whether the item is not expired: it has no TTL attribute, or one after {@code now}. */
    private boolean isLive(Map<String, AttributeValue> item, long nowInEpochSeconds) {
        AttributeValue ttl = item.get(ttlAttributeName);
        if (ttl == null) {
            return true;
        }
        // like the filter, a TTL that is not a number does not compare greater than now
        return ttl.n() != null && new BigDecimal(ttl.n()).compareTo(BigDecimal.valueOf(nowInEpochSeconds)) > 0;
    }

    private static long longOf(AttributeValue value, String name) {
        if (value.n() == null) {
            throw new IllegalArgumentException("'" + name + "' is not a number");
        }
        try {
            return new BigDecimal(value.n()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number of milliseconds", e);
        }
    }

    private static String stringOf(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> keyOf(String connectionId) {
        return Map.of(CONNECTION_ID, AttributeValue.fromS(connectionId));
    }

    /**
     * Threads made on demand up to one per segment, daemon so that they never hold the JVM, and
     * ended when idle, so that a store that is dropped (or frozen with its Lambda environment)
     * leaves none behind.
     */
    private static ThreadPoolExecutor newScanPool(int segments) {
        int poolNumber = SCAN_POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task,
                    "wschat-dynamodb-scan-" + poolNumber + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(segments, segments,
                SCAN_THREAD_IDLE.toSeconds(), TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The scan threads of a segmented store, to check how they are made; empty for a plain scan. */
    Optional<ThreadPoolExecutor> scanThreads() {
        return Optional.ofNullable(scanThreads);
    }

    private long nowInEpochSeconds() {
        return clock.instant().getEpochSecond();
    }

    private <T> T call(String operation, Supplier<T> call) {
        return DynamoDbItems.call(operation, tableName, call, ConnectionStoreException::new);
    }

    /** The table the connections are kept in. */
    public String tableName() {
        return tableName;
    }

    /** The attribute holding each item's expiry, in epoch seconds. */
    public String ttlAttributeName() {
        return ttlAttributeName;
    }

    /** How long after {@code connectedAt} an item expires. */
    public Duration ttlDuration() {
        return ttlDuration;
    }

    /** How many segments a scan is split into; 1 for a plain scan. */
    public int scanSegments() {
        return scanSegments;
    }

    @Override
    public String toString() {
        return "DynamoDbConnectionStore[table=" + tableName + ", ttlAttribute=" + ttlAttributeName
                + ", ttl=" + ttlDuration + ", scanSegments=" + scanSegments + "]";
    }

    /**
     * Builds a {@link DynamoDbConnectionStore}.
     *
     * <pre>{@code
     * DynamoDbConnectionStore store = DynamoDbConnectionStore.builder()
     *         .dynamoDbClient(dynamoDbClient)          // required, shared and closed by the caller
     *         .tableName("wschat-connections")         // required
     *         .ttlAttributeName("ttl")                 // default "ttl"
     *         .ttlDuration(Duration.ofMinutes(135))    // default 2 h (API Gateway's maximum) + 15 min
     *         .clock(Clock.systemUTC())                // default; "now" for hiding expired items
     *         .scanSegments(1)                         // default; > 1 for a parallel scan, segments read at once
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private DynamoDbClient dynamoDbClient;
        private String tableName;
        private String ttlAttributeName = DEFAULT_TTL_ATTRIBUTE_NAME;
        private Duration ttlDuration = DEFAULT_TTL_DURATION;
        private Clock clock = Clock.systemUTC();
        private int scanSegments = 1;

        private Builder() {
        }

        /** The client to call DynamoDB with; required. The store does not close it. */
        public Builder dynamoDbClient(DynamoDbClient dynamoDbClient) {
            this.dynamoDbClient = dynamoDbClient;
            return this;
        }

        /** The name (or ARN) of the connections table; required. */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /** The attribute the table's Time to Live is enabled on; default {@value DynamoDbConnectionStore#DEFAULT_TTL_ATTRIBUTE_NAME}. */
        public Builder ttlAttributeName(String ttlAttributeName) {
            this.ttlAttributeName = ttlAttributeName;
            return this;
        }

        /**
         * How long after {@code connectedAt} an item expires; default {@link DynamoDbConnectionStore#DEFAULT_TTL_DURATION},
         * API Gateway's maximum connection duration plus {@link DynamoDbConnectionStore#TTL_MARGIN}.
         */
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
         * Splits each scan into this many segments, read at the same time: each page is one Scan
         * call per segment not yet done, all at once, on up to this many threads of the store's
         * own that end when idle. Default 1: a plain scan, one Scan call a page on the caller's
         * thread. At most {@link DynamoDbConnectionStore#MAX_SCAN_SEGMENTS}. A cursor is only
         * accepted by a store with the same number of segments. The page size is shared out among
         * the segments as their {@code Limit}s, and every Scan call costs at least one read unit: keep
         * the broadcast's page size at several times the segment count (say 25 connections a segment
         * or more), or small Scan calls cost more than the parallelism saves.
         */
        public Builder scanSegments(int scanSegments) {
            this.scanSegments = scanSegments;
            return this;
        }

        /**
         * The store.
         *
         * @throws IllegalStateException if a required value is missing or a value is out of range
         */
        public DynamoDbConnectionStore build() {
            require(dynamoDbClient != null, "dynamoDbClient is required");
            require(tableName != null && !tableName.isBlank(), "tableName is required and must not be blank");
            require(ttlAttributeName != null && !ttlAttributeName.isBlank(), "ttlAttributeName must not be blank");
            require(!List.of(CONNECTION_ID, CONNECTED_AT, SOURCE_IP, USER_AGENT, USER_ID, USER_NAME, ROOMS)
                            .contains(ttlAttributeName),
                    "ttlAttributeName must differ from the other attributes, is '" + ttlAttributeName + "'");
            require(ttlDuration != null && !ttlDuration.isNegative() && !ttlDuration.isZero(),
                    "ttlDuration must be positive, is " + ttlDuration);
            require(clock != null, "clock must not be null");
            require(scanSegments >= 1 && scanSegments <= MAX_SCAN_SEGMENTS,
                    "scanSegments must be 1 to " + MAX_SCAN_SEGMENTS + ", is " + scanSegments);
            return new DynamoDbConnectionStore(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException("DynamoDbConnectionStore: " + message);
            }
        }
    }
}
