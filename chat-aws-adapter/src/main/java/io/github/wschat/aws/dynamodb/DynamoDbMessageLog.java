package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.MessageLogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static io.github.wschat.aws.dynamodb.DynamoDbItems.isLive;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.longOf;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.number;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.string;
import static io.github.wschat.aws.dynamodb.DynamoDbItems.stringOf;

/**
 * A {@link MessageLog} in one DynamoDB table, through the low-level {@link DynamoDbClient}.
 *
 * <p><b>Table</b> ({@link #tableDefinition(String)} makes it): partition key {@value #ROOM} (S), sort
 * key {@value #SEQ} (N), on demand. Three kinds of item:
 * <ul>
 *   <li><b>the counter</b> of a room: {@value #ROOM} = the room, {@value #SEQ} = 0;
 *       {@value #LAST_SEQ} (N), the room's latest sequence number taken, and {@value #CREATED_AT} (N,
 *       epoch ms), when its first one was. No TTL: it must never go, or numbers would be reused.</li>
 *   <li><b>a message</b>: {@value #ROOM} = the room, {@value #SEQ} = its sequence number (1, 2, 3 …);
 *       {@value #ID} (S), {@value #USER_ID} (S), {@value #USER_NAME} (S), {@value #TEXT} (S),
 *       {@value #SENT_AT} (N, epoch ms) and the TTL attribute.</li>
 *   <li><b>an id record</b>: {@value #ROOM} = {@code <room>#<message id>} ({@code #} is in neither a
 *       room name nor an id, so it is never a room's partition), {@value #SEQ} = 0;
 *       {@value #MESSAGE_SEQ} (N), the seq its message was stored under, or, while an append is storing it,
 *       {@value #CLAIM} (S, a random token) and {@value #CLAIMED_AT} (N, epoch ms); and the TTL attribute.</li>
 * </ul>
 * The TTL attribute (N, {@value #DEFAULT_TTL_ATTRIBUTE_NAME} by default) is {@code sentAt + retention}
 * in epoch seconds on the message and its id record alike, so the id is remembered exactly as long as
 * its message. Enable the table's Time to Live on it. Reads judge expiry themselves (a message whose TTL
 * is not after now is never returned) since DynamoDB deletes expired items up to days late.
 *
 * <p><b>Append</b>, three calls for a new message:
 * <ol>
 *   <li>PutItem of the id record as a <em>claim</em> (a fresh token), on the condition that there is no
 *       record, or an expired one, or a claim older than the {@linkplain Builder#claimLease lease}
 *       (its append died); on failure DynamoDB returns the record as it is ({@code ALL_OLD}).</li>
 *   <li>UpdateItem {@code ADD lastSeq 1} on the counter, returning the new value: the seq S.</li>
 *   <li>TransactWriteItems: Put the message under S ({@code attribute_not_exists}) and Update the id
 *       record to {@value #MESSAGE_SEQ} = S, on the condition that it still holds this append's claim.</li>
 * </ol>
 * An id the room has costs two calls: the failed claim, which returns the record, and a GetItem of the
 * message it names. An id whose claim another append holds (a retry running beside the first) waits,
 * claiming again with the SDK's exponential backoff until the record names its seq (then the answer is
 * that message) or the claim goes stale (then it takes it over), at most {@link Builder#inProgressWait}
 * before it fails. A transaction cancelled by a conflict with another transaction is sent again, under
 * the same S, up to {@value #MAX_TRANSACTION_ATTEMPTS} times.
 *
 * <p><b>Why this never stores an id twice nor reuses a seq.</b> The counter's ADD is atomic, so every
 * call gets its own S, and the counter never expires nor goes down. Only the holder of a record's claim
 * can take a seq for its id, and the conditional put makes claims exclusive: of concurrent appends of an
 * id exactly one claims it, the others wait and answer its message, so they take no seq at all. The
 * transaction writes the message and the record's seq together or neither: a message is stored if and
 * only if its id record names it. If the claim was taken over meanwhile (its holder was slower than the
 * lease), the transaction's condition fails, nothing is written, and S is a <em>gap</em>: that append
 * then answers as a waiting one does. An append that fails after step 2 leaves S a gap too, and frees its
 * claim (a conditional DeleteItem, best effort), so that a retry claims at once rather than after the lease.
 *
 * <p><b>Read</b>: a consistent GetItem of the counter (the page's {@code lastSeq}), then consistent
 * Queries of the room's partition, {@value #SEQ} between {@code afterSeq + 1} and that {@code lastSeq},
 * ascending, {@code Limit} = what is still missing plus one, until {@code limit + 1} live messages or the
 * end: the extra one says {@code more}. Expired messages are read (and cost read units) but skipped, and
 * make the page {@code truncated}. Expired messages DynamoDB has deleted cannot be told from gaps by what
 * is left, so a page is also {@code truncated} when the seqs asked for start before the room's oldest
 * stored message (found by one more Query, {@code Limit 1}, only in that case) in a room whose first seq
 * was taken longer than the retention ago: in a younger room no message can have expired.
 *
 * <p>Thread-safe. Every SDK failure becomes a {@link MessageLogException} naming the operation and the
 * table, with the SDK exception as its cause. Message text is never logged.
 *
 * <pre>{@code
 * MessageLog log = DynamoDbMessageLog.builder()
 *         .dynamoDbClient(DynamoDbClient.create())
 *         .tableName("wschat-messages")
 *         .build();
 * }</pre>
 */
public final class DynamoDbMessageLog implements MessageLog {

    /** Partition key (S): the room's name; {@code <room>#<message id>} for an id record. */
    public static final String ROOM = "room";
    /** Sort key (N): the message's sequence number; 0 for the room's counter and for id records. */
    public static final String SEQ = "seq";
    /** The counter's latest sequence number taken (N). */
    public static final String LAST_SEQ = "lastSeq";
    /** When the counter took the room's first seq (N), epoch milliseconds. */
    public static final String CREATED_AT = "createdAt";
    /** The message's id (S). */
    public static final String ID = "id";
    /** The publisher's user id (S). */
    public static final String USER_ID = "userId";
    /** The publisher's name (S). */
    public static final String USER_NAME = "userName";
    /** The message's text (S). */
    public static final String TEXT = "text";
    /** When the chat accepted the message (N), epoch milliseconds. */
    public static final String SENT_AT = "sentAt";
    /** The id record's seq of its message (N). */
    public static final String MESSAGE_SEQ = "messageSeq";
    /** The id record's claim token (S), while an append stores its message. */
    public static final String CLAIM = "claim";
    /** When the claim was made (N), epoch milliseconds. */
    public static final String CLAIMED_AT = "claimedAt";
    /** The default name of the TTL attribute (N, epoch seconds). */
    public static final String DEFAULT_TTL_ATTRIBUTE_NAME = "ttl";
    /** The sort key of a counter and an id record. */
    public static final long COUNTER_SEQ = 0;
    /** How long a claim holds by default before another append may take it over. */
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(30);
    /** How long by default an append waits for another append of its id to finish. */
    public static final Duration DEFAULT_IN_PROGRESS_WAIT = Duration.ofSeconds(5);
    /** How many times a transaction cancelled by a conflict is sent. */
    public static final int MAX_TRANSACTION_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbMessageLog.class);
    private static final BackoffStrategy WAIT_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(250));
    private static final char ID_SEPARATOR = '#';

    private static final String ROOM_NAME = "#room";
    private static final String SEQ_NAME = "#seq";
    private static final String TTL_NAME = "#ttl";
    private static final String CLAIM_NAME = "#claim";
    private static final String CLAIMED_AT_NAME = "#claimedAt";
    private static final String LAST_SEQ_NAME = "#last";
    private static final String CREATED_AT_NAME = "#created";
    private static final String MESSAGE_SEQ_NAME = "#mseq";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String ttlAttributeName;
    private final Duration retention;
    private final Duration claimLease;
    private final Duration inProgressWait;
    private final Clock clock;

    private DynamoDbMessageLog(Builder builder) {
        this.dynamoDb = builder.dynamoDbClient;
        this.tableName = builder.tableName;
        this.ttlAttributeName = builder.ttlAttributeName;
        this.retention = builder.retention;
        this.claimLease = builder.claimLease;
        this.inProgressWait = builder.inProgressWait;
        this.clock = builder.clock;
    }

    /** A builder; {@link Builder#dynamoDbClient} and {@link Builder#tableName} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this log's settings, to make one that differs in some. */
    public Builder toBuilder() {
        return new Builder().dynamoDbClient(dynamoDb).tableName(tableName).ttlAttributeName(ttlAttributeName)
                .retention(retention).claimLease(claimLease).inProgressWait(inProgressWait).clock(clock);
    }

    /**
     * The table this class reads and writes, named {@code tableName}: its keys, on-demand billing. Time to
     * Live is set apart, on {@value #DEFAULT_TTL_ATTRIBUTE_NAME} (or the attribute configured).
     */
    public static CreateTableRequest tableDefinition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(DynamoDbRoomMembership.key(ROOM, KeyType.HASH), DynamoDbRoomMembership.key(SEQ, KeyType.RANGE))
                .attributeDefinitions(DynamoDbRoomMembership.attribute(ROOM, ScalarAttributeType.S),
                        DynamoDbRoomMembership.attribute(SEQ, ScalarAttributeType.N))
                .build();
    }

    @Override
    public AppendResult append(NewMessage message) {
        Objects.requireNonNull(message, "message");
        String token = UUID.randomUUID().toString();
        // real time, not the clock's: a test's clock may stand still
        long waitUntil = System.nanoTime() + inProgressWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> held = claim(message, token);
            if (held.isEmpty()) {
                Optional<AppendResult> stored = store(message, token);
                if (stored.isPresent()) {
                    return stored.get();
                }
                // the claim was taken over: wait for that append like any other
                held = Optional.of(Map.of());
            }
            Map<String, AttributeValue> record = held.get();
            if (record.containsKey(MESSAGE_SEQ) && isLive(record, ttlAttributeName, nowInEpochSeconds())) {
                return AppendResult.duplicate(storedMessage(message.room(), message.id(), record));
            }
            if (System.nanoTime() - waitUntil > 0) {
                throw new MessageLogException("Another append of message " + message.id() + " to room " + message.room()
                        + " has held it for longer than " + inProgressWait + " (DynamoDB table '" + tableName + "')");
            }
            pause(WAIT_BACKOFF.computeDelay(attempt));
        }
    }

    /**
     * Claims the message's id record for this append.
     *
     * @return empty once claimed; otherwise the record as it is (empty when it is gone meanwhile)
     */
    private Optional<Map<String, AttributeValue>> claim(NewMessage message, String token) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(idKey(message.room(), message.id()));
        item.put(CLAIM, string(token));
        item.put(CLAIMED_AT, number(now.toEpochMilli()));
        item.put(ttlAttributeName, number(expiryOf(message.sentAt())));
        try {
            call("PutItem", () -> dynamoDb.putItem(put -> put
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(" + ROOM_NAME + ") OR " + TTL_NAME + " <= :now OR ("
                            + "attribute_exists(" + CLAIM_NAME + ") AND " + CLAIMED_AT_NAME + " <= :stale)")
                    .expressionAttributeNames(Map.of(ROOM_NAME, ROOM, TTL_NAME, ttlAttributeName,
                            CLAIM_NAME, CLAIM, CLAIMED_AT_NAME, CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond()),
                            ":stale", number(now.minus(claimLease).toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Optional.empty();
        } catch (MessageLogException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException failed) {
                if (failed.hasItem() && !failed.item().isEmpty()) {
                    return Optional.of(failed.item());
                }
                return Optional.of(idRecord(message.room(), message.id()));
            }
            throw e;
        }
    }

    /**
     * Takes a seq and writes the message and its id record's seq, holding the claim {@code token}.
     *
     * @return the stored message; empty if the claim was taken over, nothing written
     */
    private Optional<AppendResult> store(NewMessage message, String token) {
        long seq;
        try {
            seq = nextSeq(message.room());
        } catch (MessageLogException e) {
            release(message, token);
            throw e;
        }
        RoomMessage stored = RoomMessage.of(message, seq);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(put -> put
                        .tableName(tableName)
                        .item(toItem(stored))
                        .conditionExpression("attribute_not_exists(" + ROOM_NAME + ")")
                        .expressionAttributeNames(Map.of(ROOM_NAME, ROOM))).build(),
                TransactWriteItem.builder().update(update -> update
                        .tableName(tableName)
                        .key(idKey(message.room(), message.id()))
                        .updateExpression("SET " + MESSAGE_SEQ_NAME + " = :seq REMOVE " + CLAIM_NAME + ", " + CLAIMED_AT_NAME)
                        .conditionExpression(CLAIM_NAME + " = :token")
                        .expressionAttributeNames(Map.of(MESSAGE_SEQ_NAME, MESSAGE_SEQ, CLAIM_NAME, CLAIM,
                                CLAIMED_AT_NAME, CLAIMED_AT))
                        .expressionAttributeValues(Map.of(":seq", number(seq), ":token", string(token)))).build());
        for (int attempt = 1; ; attempt++) {
            try {
                call("TransactWriteItems", () -> dynamoDb.transactWriteItems(transaction -> transaction
                        .transactItems(writes)));
                LOG.debug("Stored message {} of room {} under seq {}", message.id(), message.room(), seq);
                return Optional.of(AppendResult.stored(stored));
            } catch (MessageLogException e) {
                if (e.getCause() instanceof TransactionCanceledException cancelled) {
                    if (isReason(cancelled, 1, "ConditionalCheckFailed")) {
                        LOG.debug("Message {} of room {}: its claim was taken over, seq {} is a gap", message.id(),
                                message.room(), seq);
                        return Optional.empty();
                    }
                    if (isConflict(cancelled) && attempt < MAX_TRANSACTION_ATTEMPTS) {
                        pause(WAIT_BACKOFF.computeDelay(attempt));
                        continue;
                    }
                }
                LOG.debug("Message {} of room {}: seq {} is a gap", message.id(), message.room(), seq);
                release(message, token);
                throw e;
            }
        }
    }

    private static boolean isReason(TransactionCanceledException cancelled, int index, String code) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().size() > index
                && code.equals(cancelled.cancellationReasons().get(index).code());
    }

    private static boolean isConflict(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch("TransactionConflict"::equals);
    }

    /** Frees this append's claim so that a retry need not wait for the lease; best effort. */
    private void release(NewMessage message, String token) {
        try {
            dynamoDb.deleteItem(delete -> delete
                    .tableName(tableName)
                    .key(idKey(message.room(), message.id()))
                    .conditionExpression(CLAIM_NAME + " = :token")
                    .expressionAttributeNames(Map.of(CLAIM_NAME, CLAIM))
                    .expressionAttributeValues(Map.of(":token", string(token))));
        } catch (SdkException e) {
            LOG.debug("The claim of message {} of room {} was not freed: {}", message.id(), message.room(), e.toString());
        }
    }

    private long nextSeq(RoomName room) {
        Map<String, AttributeValue> updated = call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(tableName)
                .key(counterKey(room))
                .updateExpression("ADD " + LAST_SEQ_NAME + " :one SET " + CREATED_AT_NAME + " = if_not_exists("
                        + CREATED_AT_NAME + ", :now)")
                .expressionAttributeNames(Map.of(LAST_SEQ_NAME, LAST_SEQ, CREATED_AT_NAME, CREATED_AT))
                .expressionAttributeValues(Map.of(":one", number(1), ":now", number(clock.millis())))
                .returnValues(ReturnValue.UPDATED_NEW))).attributes();
        try {
            return longOf(updated, LAST_SEQ);
        } catch (IllegalArgumentException e) {
            throw new MessageLogException("The counter of room " + room + " in DynamoDB table '" + tableName
                    + "' is not a number: " + e.getMessage(), e);
        }
    }

    /** The id record as it is, consistent; empty when there is none. */
    private Map<String, AttributeValue> idRecord(RoomName room, MessageId id) {
        GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(tableName).key(idKey(room, id)).consistentRead(true)));
        return response.hasItem() ? response.item() : Map.of();
    }

    /** The first message of an id, named by its record. */
    private RoomMessage storedMessage(RoomName room, MessageId id, Map<String, AttributeValue> record) {
        try {
            long seq = longOf(record, MESSAGE_SEQ);
            GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(get -> get
                    .tableName(tableName).key(messageKey(room, seq)).consistentRead(true)));
            if (!response.hasItem() || response.item().isEmpty()) {
                throw new MessageLogException("Message " + id + " of room " + room + " is recorded under seq " + seq
                        + " of DynamoDB table '" + tableName + "', which holds no message");
            }
            return toMessage(room, response.item());
        } catch (IllegalArgumentException e) {
            throw new MessageLogException("Message " + id + " of room " + room + " in DynamoDB table '" + tableName
                    + "' cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long lastSeq(RoomName room) {
        Objects.requireNonNull(room, "room");
        return counter(room).lastSeq();
    }

    private Counter counter(RoomName room) {
        GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(tableName).key(counterKey(room)).consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return new Counter(0, Long.MAX_VALUE);
        }
        try {
            Map<String, AttributeValue> item = response.item();
            long createdAt = item.containsKey(CREATED_AT) ? longOf(item, CREATED_AT) : 0;
            return new Counter(longOf(item, LAST_SEQ), createdAt);
        } catch (IllegalArgumentException e) {
            throw new MessageLogException("The counter of room " + room + " in DynamoDB table '" + tableName
                    + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** A room's counter: its last seq, and when it took its first, epoch ms ({@code Long.MAX_VALUE} for never). */
    private record Counter(long lastSeq, long createdAtMillis) {
    }

    @Override
    public HistoryPage read(RoomName room, long afterSeq, int limit) {
        Objects.requireNonNull(room, "room");
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative, is " + afterSeq);
        }
        if (limit < 1 || limit > MAX_READ_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_READ_LIMIT + ", is " + limit);
        }
        Counter counter = counter(room);
        if (counter.lastSeq() <= afterSeq) {
            return new HistoryPage(List.of(), counter.lastSeq(), false, false);
        }
        long now = nowInEpochSeconds();
        List<RoomMessage> live = new ArrayList<>(limit + 1);
        boolean truncated = false;
        long firstStored = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = query(room, afterSeq + 1, counter.lastSeq(), limit + 1 - live.size(), startKey);
            for (Map<String, AttributeValue> item : response.items()) {
                if (firstStored == 0) {
                    firstStored = seqOf(item);
                }
                if (!isLive(item, ttlAttributeName, now)) {
                    truncated = true;
                    continue;
                }
                try {
                    live.add(toMessage(room, item));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping an item of DynamoDB table '{}' that is not a message: {}", tableName, e.getMessage());
                }
            }
            startKey = DynamoDbItems.nextStartKey(response);
        } while (startKey != null && live.size() <= limit);
        boolean more = live.size() > limit;
        List<RoomMessage> page = more ? live.subList(0, limit) : live;
        if (!truncated && (firstStored == 0 || firstStored > afterSeq + 1)
                && clock.millis() - retention.toMillis() >= counter.createdAtMillis()) {
            // seqs asked for are missing: deleted by TTL if they come before everything the room still holds
            truncated = afterSeq == 0 || query(room, 1, afterSeq, 1, null).items().isEmpty();
        }
        return new HistoryPage(page, counter.lastSeq(), more, truncated);
    }

    private QueryResponse query(RoomName room, long fromSeq, long toSeq, int limit, Map<String, AttributeValue> startKey) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .scanIndexForward(true)
                .limit(limit)
                .keyConditionExpression(ROOM_NAME + " = :room AND " + SEQ_NAME + " BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of(ROOM_NAME, ROOM, SEQ_NAME, SEQ))
                .expressionAttributeValues(Map.of(":room", string(room.value()), ":from", number(fromSeq),
                        ":to", number(toSeq)));
        if (startKey != null) {
            query.exclusiveStartKey(startKey);
        }
        QueryResponse response = call("Query", () -> dynamoDb.query(query.build()));
        LOG.debug("Queried room {} of table '{}' from seq {}: {} items", room, tableName, fromSeq, response.count());
        return response;
    }

    private long seqOf(Map<String, AttributeValue> item) {
        try {
            return longOf(item, SEQ);
        } catch (IllegalArgumentException e) {
            throw new MessageLogException("DynamoDB table '" + tableName + "' does not have the key schema of a"
                    + " message log (partition key '" + ROOM + "' S, sort key '" + SEQ + "' N)", e);
        }
    }

    private Map<String, AttributeValue> toItem(RoomMessage message) {
        Map<String, AttributeValue> item = new HashMap<>(messageKey(message.room(), message.seq()));
        item.put(ID, string(message.id().value()));
        item.put(USER_ID, string(message.from().userId()));
        item.put(USER_NAME, string(message.from().name()));
        item.put(TEXT, string(message.text()));
        item.put(SENT_AT, number(message.sentAt().toEpochMilli()));
        item.put(ttlAttributeName, number(expiryOf(message.sentAt())));
        return item;
    }

    /**
     * The message of an item of the room's partition.
     *
     * @throws IllegalArgumentException naming the attribute, never its value, if the item is not a message
     */
    private static RoomMessage toMessage(RoomName room, Map<String, AttributeValue> item) {
        long seq = longOf(item, SEQ);
        String id = stringOf(item, ID);
        if (!MessageId.isValid(id)) {
            throw new IllegalArgumentException("'" + ID + "' is not a message id");
        }
        String text = stringOf(item, TEXT);
        Instant sentAt = Instant.ofEpochMilli(longOf(item, SENT_AT));
        UserRef from;
        try {
            from = UserRef.of(stringOf(item, USER_ID), stringOf(item, USER_NAME));
        } catch (IllegalArgumentException e) {
            // not chained: UserRef's message shows the start of the refused value
            throw new IllegalArgumentException("'" + USER_ID + "' and '" + USER_NAME + "' do not make a user");
        }
        if (seq < 1 || text.isEmpty()) {
            throw new IllegalArgumentException("'" + SEQ + "' or '" + TEXT + "' is not one of a message");
        }
        return new RoomMessage(room, seq, MessageId.of(id), from, text, sentAt);
    }

    private long expiryOf(Instant sentAt) {
        return sentAt.plus(retention).getEpochSecond();
    }

    private static Map<String, AttributeValue> counterKey(RoomName room) {
        return messageKey(room, COUNTER_SEQ);
    }

    private static Map<String, AttributeValue> messageKey(RoomName room, long seq) {
        return Map.of(ROOM, string(room.value()), SEQ, number(seq));
    }

    private static Map<String, AttributeValue> idKey(RoomName room, MessageId id) {
        return Map.of(ROOM, string(room.value() + ID_SEPARATOR + id.value()), SEQ, number(COUNTER_SEQ));
    }

    private void pause(Duration delay) {
        DynamoDbItems.pause(delay, e -> new MessageLogException(
                "Interrupted while appending to DynamoDB table '" + tableName + "'", e));
    }

    private long nowInEpochSeconds() {
        return clock.instant().getEpochSecond();
    }

    private <T> T call(String operation, Supplier<T> call) {
        return DynamoDbItems.call(operation, tableName, call, MessageLogException::new);
    }

    /** The table the messages are kept in. */
    public String tableName() {
        return tableName;
    }

    /** The attribute holding each message's and id record's expiry, in epoch seconds. */
    public String ttlAttributeName() {
        return ttlAttributeName;
    }

    /** How long after {@code sentAt} a message expires. */
    public Duration retention() {
        return retention;
    }

    @Override
    public String toString() {
        return "DynamoDbMessageLog[table=" + tableName + ", ttlAttribute=" + ttlAttributeName + ", retention="
                + retention + ", claimLease=" + claimLease + ", inProgressWait=" + inProgressWait + "]";
    }

    /**
     * Builds a {@link DynamoDbMessageLog}.
     *
     * <pre>{@code
     * DynamoDbMessageLog log = DynamoDbMessageLog.builder()
     *         .dynamoDbClient(dynamoDbClient)          // required, shared and closed by the caller
     *         .tableName("wschat-messages")            // required; laid out as tableDefinition(name)
     *         .retention(Duration.ofDays(7))           // default MessageLog.DEFAULT_RETENTION
     *         .ttlAttributeName("ttl")                 // default "ttl"
     *         .claimLease(Duration.ofSeconds(30))      // default; then a stuck append's id may be taken over
     *         .inProgressWait(Duration.ofSeconds(5))   // default; how long a retry waits for the first append
     *         .clock(Clock.systemUTC())                // default; sentAt + retention is judged by it
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        private DynamoDbClient dynamoDbClient;
        private String tableName;
        private String ttlAttributeName = DEFAULT_TTL_ATTRIBUTE_NAME;
        private Duration retention = DEFAULT_RETENTION;
        private Duration claimLease = DEFAULT_CLAIM_LEASE;
        private Duration inProgressWait = DEFAULT_IN_PROGRESS_WAIT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The client to call DynamoDB with; required. The log does not close it. */
        public Builder dynamoDbClient(DynamoDbClient dynamoDbClient) {
            this.dynamoDbClient = dynamoDbClient;
            return this;
        }

        /** The name (or ARN) of the message table; required. */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /** The attribute the table's Time to Live is enabled on; default {@value DynamoDbMessageLog#DEFAULT_TTL_ATTRIBUTE_NAME}. */
        public Builder ttlAttributeName(String ttlAttributeName) {
            this.ttlAttributeName = ttlAttributeName;
            return this;
        }

        /** How long after its {@code sentAt} a message (and its id) is kept; default {@link MessageLog#DEFAULT_RETENTION}. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /**
         * How long an append's claim of an id holds before another append of that id may take it over
         * (the first one died); default {@link DynamoDbMessageLog#DEFAULT_CLAIM_LEASE}, beyond API
         * Gateway's 29 s integration timeout.
         */
        public Builder claimLease(Duration claimLease) {
            this.claimLease = claimLease;
            return this;
        }

        /** How long an append waits for another append of its id before it fails; default {@link DynamoDbMessageLog#DEFAULT_IN_PROGRESS_WAIT}. */
        public Builder inProgressWait(Duration inProgressWait) {
            this.inProgressWait = inProgressWait;
            return this;
        }

        /** The clock telling now, for expiry and claims; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The log.
         *
         * @throws IllegalStateException if a required value is missing or a value is out of range
         */
        public DynamoDbMessageLog build() {
            require(dynamoDbClient != null, "dynamoDbClient is required");
            require(tableName != null && !tableName.isBlank(), "tableName is required and must not be blank");
            require(ttlAttributeName != null && !ttlAttributeName.isBlank(), "ttlAttributeName must not be blank");
            require(!List.of(ROOM, SEQ, LAST_SEQ, CREATED_AT, ID, USER_ID, USER_NAME, TEXT, SENT_AT, MESSAGE_SEQ, CLAIM,
                    CLAIMED_AT).contains(ttlAttributeName),
                    "ttlAttributeName must differ from the other attributes, is '" + ttlAttributeName + "'");
            require(DynamoDbItems.isPositive(retention), "retention must be positive, is " + retention);
            require(DynamoDbItems.isPositive(claimLease), "claimLease must be positive, is " + claimLease);
            require(DynamoDbItems.isPositive(inProgressWait), "inProgressWait must be positive, is " + inProgressWait);
            require(clock != null, "clock must not be null");
            return new DynamoDbMessageLog(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException("DynamoDbMessageLog: " + message);
            }
        }
    }
}
