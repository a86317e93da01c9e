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
import io.github.wschat.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.CREATED_AT;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.ID;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.LAST_SEQ;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.MESSAGE_SEQ;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.ROOM;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.SENT_AT;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.SEQ;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.TEXT;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.USER_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbMessageLog.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the DynamoDB message log does beyond the port's contract: the three kinds of item, the calls an
 * append makes (counted over HTTP), idempotency under retries, gaps after failures and after a claim
 * taken over, retention with items DynamoDB has deleted, and failures. Against DynamoDB Local as a
 * loopback server, one table per test.
 */
class DynamoDbMessageLogTest {

    private static final Instant START = Instant.parse("2026-12-02T10:15:30.123Z");
    private static final UserRef ALICE = UserRef.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice");
    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final CallLog CALLS = new CallLog();

    @RegisterExtension
    static final LocalTables TABLES = LocalTables.overHttp(CALLS);

    private SettableClock clock;
    private String table;
    private DynamoDbMessageLog log;

    @BeforeEach
    void createTable() {
        clock = SettableClock.at(START);
        table = TABLES.create(DynamoDbMessageLog::tableDefinition);
        log = DynamoDbMessageLog.builder().dynamoDbClient(TABLES.client()).tableName(table).clock(clock).build();
        CALLS.reset();
    }

    private NewMessage message(String id, String text) {
        return new NewMessage(LOBBY, MessageId.of(id), ALICE, text, clock.instant());
    }

    // --- items and calls ---

    @Test
    void given_an_append_then_three_calls_write_the_counter_the_message_and_the_id_record_as_documented() {
        AppendResult result = log.append(message("m-1", "héllo"));

        assertThat(CALLS.operations()).containsExactly("PutItem", "UpdateItem", "TransactWriteItems");
        assertThat(result).isEqualTo(AppendResult.stored(RoomMessage.of(message("m-1", "héllo"), 1)));
        long ttl = START.plus(MessageLog.DEFAULT_RETENTION).getEpochSecond();
        assertThat(rawItem("lobby", 0)).isEqualTo(Map.of(
                ROOM, AttributeValue.fromS("lobby"), SEQ, AttributeValue.fromN("0"),
                LAST_SEQ, AttributeValue.fromN("1"), CREATED_AT, AttributeValue.fromN(Long.toString(START.toEpochMilli()))));
        assertThat(rawItem("lobby", 1)).isEqualTo(Map.of(
                ROOM, AttributeValue.fromS("lobby"), SEQ, AttributeValue.fromN("1"),
                ID, AttributeValue.fromS("m-1"), USER_ID, AttributeValue.fromS(ALICE.userId()),
                USER_NAME, AttributeValue.fromS("Alice"), TEXT, AttributeValue.fromS("héllo"),
                SENT_AT, AttributeValue.fromN(Long.toString(START.toEpochMilli())),
                "ttl", AttributeValue.fromN(Long.toString(ttl))));
        assertThat(rawItem("lobby#m-1", 0)).as("the claim's attributes are gone once stored").isEqualTo(Map.of(
                ROOM, AttributeValue.fromS("lobby#m-1"), SEQ, AttributeValue.fromN("0"),
                MESSAGE_SEQ, AttributeValue.fromN("1"), "ttl", AttributeValue.fromN(Long.toString(ttl))));
    }

    @Test
    void given_an_id_appended_5_times_in_a_row_then_one_seq_one_message_item_and_two_calls_a_retry() {
        RoomMessage first = log.append(message("retried", "once")).message();
        CALLS.reset();

        List<AppendResult> retries = IntStream.range(0, 4).mapToObj(i -> {
            clock.advance(Duration.ofSeconds(1));
            return log.append(message("retried", "again " + i));
        }).toList();

        assertThat(retries).containsOnly(AppendResult.duplicate(first));
        assertThat(CALLS.operations()).containsExactly("PutItem", "GetItem", "PutItem", "GetItem", "PutItem", "GetItem",
                "PutItem", "GetItem");
        assertThat(log.lastSeq(LOBBY)).isEqualTo(1);
        assertThat(messageItems()).isEqualTo(1);
    }

    @Test
    void given_an_id_appended_by_5_threads_at_once_then_one_seq_one_message_item_and_no_seq_taken_by_the_others()
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AppendResult>> appends = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                appends.add(threads.submit(() -> {
                    start.await();
                    return log.append(message("at-once", "once"));
                }));
            }
            start.countDown();
            List<AppendResult> results = new ArrayList<>();
            for (Future<AppendResult> append : appends) {
                results.add(append.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(result -> !result.duplicate()).hasSize(1);
            assertThat(results).extracting(result -> result.message().seq()).containsOnly(1L);
            assertThat(CALLS.operations()).filteredOn("UpdateItem"::equals).as("one seq taken").hasSize(1);
            assertThat(log.lastSeq(LOBBY)).isEqualTo(1);
            assertThat(messageItems()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    // --- gaps ---

    @Test
    void given_a_transaction_that_fails_then_its_seq_is_a_gap_the_claim_is_freed_and_a_retry_stores_under_the_next() {
        AtomicBoolean failed = new AtomicBoolean();
        CALLS.beforeEach(request -> {
            if (request instanceof TransactWriteItemsRequest && failed.compareAndSet(false, true)) {
                throw SdkClientException.create("injected: the connection dropped");
            }
        });

        assertThatThrownBy(() -> log.append(message("m-1", "first try")))
                .isInstanceOf(MessageLogException.class).hasMessageContaining("TransactWriteItems")
                .cause().isInstanceOf(SdkClientException.class);
        assertThat(CALLS.operations()).containsExactly("PutItem", "UpdateItem", "TransactWriteItems", "DeleteItem");
        long began = System.nanoTime();
        AppendResult retry = log.append(message("m-1", "first try"));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no wait for the lease").isLessThan(Duration.ofSeconds(2));
        assertThat(retry.duplicate()).isFalse();
        assertThat(retry.message().seq()).isEqualTo(2);
        HistoryPage page = log.read(LOBBY, 0, 100);
        assertThat(page.messages()).extracting(RoomMessage::seq).containsExactly(2L);
        assertThat(page.lastSeq()).isEqualTo(2);
        assertThat(page.truncated()).as("a gap is not an expiry").isFalse();
        assertThat(log.append(message("m-2", "next")).message().seq()).as("gaps are never reused").isEqualTo(3);
    }

    @Test
    void given_a_claim_taken_over_by_a_retry_after_the_lease_then_the_slow_append_answers_the_retrys_seq_and_its_own_is_a_gap() {
        DynamoDbMessageLog retrying = log.toBuilder().build();
        AtomicBoolean raced = new AtomicBoolean();
        List<AppendResult> retried = new ArrayList<>();
        CALLS.beforeEach(request -> {
            if (request instanceof TransactWriteItemsRequest && raced.compareAndSet(false, true)) {
                // the first append stalls past its lease; a retry of the client takes the id over and stores it
                clock.advance(DynamoDbMessageLog.DEFAULT_CLAIM_LEASE.plusSeconds(1));
                retried.add(retrying.append(message("slow", "retried")));
            }
        });

        AppendResult slow = log.append(message("slow", "first"));

        assertThat(retried).singleElement().satisfies(result -> {
            assertThat(result.duplicate()).isFalse();
            assertThat(result.message().seq()).isEqualTo(2);
        });
        assertThat(slow).isEqualTo(AppendResult.duplicate(retried.get(0).message()));
        assertThat(log.lastSeq(LOBBY)).isEqualTo(2);
        assertThat(messageItems()).isEqualTo(1);
        assertThat(log.read(LOBBY, 0, 100).messages()).extracting(RoomMessage::seq).containsExactly(2L);
    }

    // --- retention ---

    @Test
    void given_a_retention_then_the_ttl_is_sent_at_plus_it_and_expired_messages_are_skipped_and_truncate() {
        DynamoDbMessageLog hourly = log.toBuilder().retention(Duration.ofHours(1)).build();
        hourly.append(message("old", "old"));
        clock.advance(Duration.ofMinutes(40));
        hourly.append(message("new", "new"));
        clock.advance(Duration.ofMinutes(30));

        HistoryPage page = hourly.read(LOBBY, 0, 100);

        assertThat(rawItem("lobby", 1).get("ttl")).isEqualTo(
                AttributeValue.fromN(Long.toString(START.plus(Duration.ofHours(1)).getEpochSecond())));
        assertThat(page.messages()).extracting(RoomMessage::id).containsExactly(MessageId.of("new"));
        assertThat(page.truncated()).isTrue();
        assertThat(hourly.read(LOBBY, 1, 100).truncated()).isFalse();
        assertThat(hourly.append(message("old", "the id expired with its message")).message().seq())
                .as("an expired id may be used again").isEqualTo(3);
    }

    @Test
    void given_messages_deleted_by_ttl_in_a_room_older_than_the_retention_then_reads_reaching_back_to_them_are_truncated() {
        IntStream.rangeClosed(1, 3).forEach(i -> log.append(message("old" + i, "old")));
        clock.advance(MessageLog.DEFAULT_RETENTION.plusHours(1));
        IntStream.rangeClosed(4, 5).forEach(i -> log.append(message("new" + i, "new")));
        IntStream.rangeClosed(1, 3).forEach(seq -> deleteRaw("lobby", seq)); // DynamoDB's TTL sweep

        assertThat(log.read(LOBBY, 0, 100).truncated()).isTrue();
        assertThat(log.read(LOBBY, 2, 100).truncated()).isTrue();
        assertThat(log.read(LOBBY, 3, 100).truncated()).isFalse();
        assertThat(log.read(LOBBY, 0, 100).messages()).extracting(RoomMessage::seq).containsExactly(4L, 5L);
    }

    @Test
    void given_a_young_room_whose_first_seq_is_a_gap_then_nothing_is_truncated() {
        log.append(message("m1", "x"));
        log.append(message("m2", "y"));
        deleteRaw("lobby", 1); // as if its transaction had failed

        HistoryPage page = log.read(LOBBY, 0, 100);

        assertThat(page.messages()).extracting(RoomMessage::seq).containsExactly(2L);
        assertThat(page.truncated()).isFalse();
    }

    // --- failures ---

    @Test
    void given_a_missing_table_when_any_operation_runs_then_it_fails_naming_operation_and_table_with_the_sdk_cause() {
        DynamoDbMessageLog missing = log.toBuilder().tableName("no-such-table").build();

        assertFails(missing, "PutItem", l -> l.append(message("m", "x")));
        assertFails(missing, "GetItem", l -> l.lastSeq(LOBBY));
        assertFails(missing, "GetItem", l -> l.read(LOBBY, 0, 10));
    }

    @Test
    void the_builder_requires_a_client_and_a_table_and_refuses_bad_settings() {
        assertThatThrownBy(() -> DynamoDbMessageLog.builder().tableName("t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dynamoDbClient");
        assertThatThrownBy(() -> log.toBuilder().tableName("").build()).hasMessageContaining("tableName");
        assertThatThrownBy(() -> log.toBuilder().ttlAttributeName("text").build()).hasMessageContaining("ttlAttributeName");
        assertThatThrownBy(() -> log.toBuilder().retention(Duration.ZERO).build()).hasMessageContaining("retention");
        assertThatThrownBy(() -> log.toBuilder().claimLease(Duration.ofSeconds(-1)).build()).hasMessageContaining("claimLease");
        assertThat(log.retention()).isEqualTo(MessageLog.DEFAULT_RETENTION);
    }

    private static void assertFails(DynamoDbMessageLog missing, String operation, Consumer<DynamoDbMessageLog> call) {
        assertThatThrownBy(() -> call.accept(missing))
                .isInstanceOf(MessageLogException.class)
                .hasMessageContaining(operation).hasMessageContaining("'no-such-table'")
                .cause().isInstanceOf(ResourceNotFoundException.class);
    }

    private Map<String, AttributeValue> rawItem(String room, long seq) {
        return TABLES.client().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(ROOM, AttributeValue.fromS(room), SEQ, AttributeValue.fromN(Long.toString(seq))))).item();
    }

    private void deleteRaw(String room, long seq) {
        TABLES.client().deleteItem(delete -> delete.tableName(table)
                .key(Map.of(ROOM, AttributeValue.fromS(room), SEQ, AttributeValue.fromN(Long.toString(seq)))));
    }

    /** The message items of the lobby: its partition's items but the counter. */
    private int messageItems() {
        return TABLES.client().query(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression("#r = :r AND #s > :zero")
                .expressionAttributeNames(Map.of("#r", ROOM, "#s", SEQ))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("lobby"), ":zero", AttributeValue.fromN("0"))))
                .count();
    }
}
