package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStoreException;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.function.ThrowingConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.CONNECTED_AT;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.CONNECTION_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.SOURCE_IP;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.ROOMS;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.USER_AGENT;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.USER_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the DynamoDB store does beyond the port's contract: the item layout, expiry, items written
 * by others, failures and cursors. Against DynamoDB Local embedded in this JVM, one table per test.
 */
class DynamoDbConnectionStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant OPENED = Instant.parse("2026-11-25T11:15:30.123Z");
    private static final UserIdentity ALICE = UserIdentity.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice",
            List.of("private-team-*", "lobby", "a:b"));

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient client;
    private String table;
    private DynamoDbConnectionStore store;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = EmbeddedDynamoDb.start();
        client = dynamoDbLocal.client();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        dynamoDbLocal.close();
    }

    @BeforeEach
    void createTable() {
        table = DynamoDbTables.createConnectionsTable(client);
        store = DynamoDbConnectionStore.builder().dynamoDbClient(client).tableName(table).clock(CLOCK).build();
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.deleteTable(client, table);
    }

    // --- item layout ---

    @Test
    void the_test_kits_connections_table_is_keyed_by_the_stores_key_attribute() {
        assertThat(DynamoDbTables.CONNECTION_ID).isEqualTo(CONNECTION_ID);
    }

    @Test
    void given_a_saved_connection_when_read_raw_then_the_item_has_the_tutorial_key_millis_identity_and_ttl_in_seconds() {
        store.save(Connection.of(ConnectionId.of("Bq3xkcNyoAMCJpQ="), OPENED, ClientIdentity.of("203.0.113.10", "wscat/6.1.0")));

        Map<String, AttributeValue> item = rawItem("Bq3xkcNyoAMCJpQ=");

        assertThat(item).containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, SOURCE_IP, USER_AGENT, USER_ID, USER_NAME, "ttl");
        assertThat(item.get(CONNECTION_ID)).isEqualTo(AttributeValue.fromS("Bq3xkcNyoAMCJpQ="));
        assertThat(item.get(CONNECTED_AT)).isEqualTo(AttributeValue.fromN(Long.toString(OPENED.toEpochMilli())));
        assertThat(item.get(SOURCE_IP)).isEqualTo(AttributeValue.fromS("203.0.113.10"));
        assertThat(item.get(USER_AGENT)).isEqualTo(AttributeValue.fromS("wscat/6.1.0"));
        // 11:15:30.123 + 2 h 15 min = 13:30:30.123, in whole seconds
        long expected = Instant.parse("2026-11-25T13:30:30Z").getEpochSecond();
        assertThat(item.get("ttl")).isEqualTo(AttributeValue.fromN(Long.toString(expected)));
        assertThat(DynamoDbConnectionStore.DEFAULT_TTL_DURATION).isEqualTo(Duration.ofMinutes(135));
    }

    @Test
    void given_a_connection_with_a_user_when_read_raw_then_the_item_holds_the_users_id_name_and_grants_as_a_list_in_order() {
        Connection saved = Connection.of(ConnectionId.of("Bq3xkcNyoAMCJpQ="), OPENED,
                ClientIdentity.of("203.0.113.10", "wscat/6.1.0"), ALICE);
        store.save(saved);

        Map<String, AttributeValue> item = rawItem("Bq3xkcNyoAMCJpQ=");

        assertThat(item).containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, SOURCE_IP, USER_AGENT, USER_ID, USER_NAME, ROOMS,
                "ttl");
        assertThat(item.get(USER_ID)).isEqualTo(AttributeValue.fromS("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        assertThat(item.get(USER_NAME)).isEqualTo(AttributeValue.fromS("Alice"));
        assertThat(item.get(ROOMS)).isEqualTo(AttributeValue.fromL(List.of(
                AttributeValue.fromS("private-team-*"), AttributeValue.fromS("lobby"), AttributeValue.fromS("a:b"))));
        assertThat(List.of(USER_ID, USER_NAME, ROOMS)).containsExactly("userId", "userName", "rooms");
        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void given_an_anonymous_users_connection_when_read_raw_then_the_item_names_the_anonymous_user_and_has_no_grants() {
        ConnectionId id = ConnectionId.of("Bq3yBfgkoAMCKlw=");
        store.save(Connection.of(id, OPENED, ClientIdentity.UNKNOWN, UserIdentity.anonymous(id)));

        assertThat(rawItem(id.value()))
                .containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, USER_ID, USER_NAME, "ttl")
                .containsEntry(USER_ID, AttributeValue.fromS("anon:Bq3yBfgkoAMCKlw="))
                .containsEntry(USER_NAME, AttributeValue.fromS("anonymous"));
    }

    @Test
    void given_a_connection_with_a_user_when_paged_then_the_scan_leaves_the_user_attributes_out() {
        ConnectionId id = ConnectionId.of("A");
        store.save(Connection.of(id, OPENED, ClientIdentity.of("203.0.113.10", null), ALICE));

        assertThat(store.findPage(PageRequest.first(10)).connections())
                .containsExactly(Connection.of(id, OPENED, ClientIdentity.of("203.0.113.10", null), UserIdentity.anonymous(id)));
        assertThat(store.toBuilder().scanSegments(3).build().findPage(PageRequest.first(10)).connections())
                .extracting(Connection::user).containsExactly(UserIdentity.anonymous(id));
        assertThat(store.find(id)).map(Connection::user).contains(ALICE);
    }

    @Test
    void given_a_connection_of_unknown_identity_when_saved_then_the_item_has_no_identity_attributes() {
        store.save(Connection.of(ConnectionId.of("anonymous"), OPENED, ClientIdentity.UNKNOWN));

        assertThat(rawItem("anonymous")).containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, USER_ID, USER_NAME, "ttl");
    }

    @Test
    void given_a_connection_of_half_known_identity_when_saved_then_only_the_known_attribute_is_written() {
        store.save(Connection.of(ConnectionId.of("ip-only"), OPENED, ClientIdentity.of("198.51.100.7", null)));

        assertThat(rawItem("ip-only")).containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, SOURCE_IP, USER_ID, USER_NAME, "ttl");
        assertThat(store.find(ConnectionId.of("ip-only")))
                .contains(Connection.of(ConnectionId.of("ip-only"), OPENED, ClientIdentity.of("198.51.100.7", null)));
    }

    @Test
    void given_a_custom_ttl_attribute_and_duration_when_saved_then_the_item_uses_them() {
        DynamoDbConnectionStore custom = store.toBuilder().ttlAttributeName("expiresAt").ttlDuration(Duration.ofHours(3)).build();

        custom.save(Connection.of(ConnectionId.of("A"), OPENED, ClientIdentity.UNKNOWN));

        assertThat(rawItem("A")).containsOnlyKeys(CONNECTION_ID, CONNECTED_AT, USER_ID, USER_NAME, "expiresAt")
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(OPENED.plus(Duration.ofHours(3)).getEpochSecond())));
        assertThat(custom.find(ConnectionId.of("A"))).isPresent();
    }

    // --- expiry ---

    @Test
    void given_connections_whose_ttl_is_now_or_past_when_found_then_empty_and_one_second_later_is_still_found() {
        Instant expiresNow = NOW.minus(DynamoDbConnectionStore.DEFAULT_TTL_DURATION);
        store.save(Connection.of(ConnectionId.of("expired-long-ago"), NOW.minus(Duration.ofDays(1)), ClientIdentity.UNKNOWN));
        store.save(Connection.of(ConnectionId.of("expires-now"), expiresNow, ClientIdentity.UNKNOWN));
        // TTLs are whole seconds: 999 ms later still expires in this very second
        store.save(Connection.of(ConnectionId.of("expires-now-too"), expiresNow.plusMillis(999), ClientIdentity.UNKNOWN));
        store.save(Connection.of(ConnectionId.of("expires-in-1s"), expiresNow.plusSeconds(1), ClientIdentity.UNKNOWN));

        assertThat(store.find(ConnectionId.of("expired-long-ago"))).isEmpty();
        assertThat(store.find(ConnectionId.of("expires-now"))).isEmpty();
        assertThat(store.find(ConnectionId.of("expires-now-too"))).isEmpty();
        assertThat(store.find(ConnectionId.of("expires-in-1s"))).isPresent();
        // DynamoDB Local, like DynamoDB before its background sweep, still holds the expired items
        assertThat(rawItem("expires-now")).isNotEmpty();
    }

    @Test
    void given_expired_and_live_connections_when_paged_then_only_live_ones_come() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean expired = i % 4 != 0;
            Instant openedAt = expired ? NOW.minus(Duration.ofHours(3)) : NOW.minus(Duration.ofMinutes(5));
            store.save(Connection.of(ConnectionId.of("conn-" + i), openedAt, ClientIdentity.UNKNOWN));
            if (!expired) {
                live.add("conn-" + i);
            }
        }

        assertThat(allIds(store, 7)).containsExactlyInAnyOrderElementsOf(live);
    }

    @Test
    void given_only_expired_connections_when_paged_then_pages_are_empty_yet_have_a_next_cursor_until_the_end() {
        IntStream.range(0, 25).forEach(i ->
                store.save(Connection.of(ConnectionId.of("old-" + i), NOW.minus(Duration.ofHours(3)), ClientIdentity.UNKNOWN)));

        ConnectionPage first = store.findPage(PageRequest.first(10));

        assertThat(first.connections()).isEmpty();
        assertThat(first.next()).isPresent();
        assertThat(allIds(store, 10)).isEmpty();
    }

    @Test
    void given_a_store_whose_clock_is_later_when_reading_then_connections_saved_earlier_have_expired() {
        store.save(Connection.of(ConnectionId.of("A"), NOW.minus(Duration.ofMinutes(5)), ClientIdentity.UNKNOWN));
        DynamoDbConnectionStore later = store.toBuilder().clock(Clock.offset(CLOCK, Duration.ofHours(3))).build();

        assertThat(store.find(ConnectionId.of("A"))).isPresent();
        assertThat(later.find(ConnectionId.of("A"))).isEmpty();
        assertThat(later.findPage(PageRequest.first(10)).connections()).isEmpty();
    }

    // --- items written by others ---

    @Test
    void given_an_item_written_by_the_tutorial_with_only_its_key_when_read_then_it_is_a_connection_that_never_expires() {
        client.putItem(put -> put.tableName(table).item(Map.of(CONNECTION_ID, AttributeValue.fromS("tutorial"))));
        Connection expected = Connection.of(ConnectionId.of("tutorial"), Instant.EPOCH, ClientIdentity.UNKNOWN);

        assertThat(store.find(ConnectionId.of("tutorial"))).contains(expected);
        assertThat(store.findPage(PageRequest.first(10)).connections()).containsExactly(expected);
    }

    @Test
    void given_an_item_with_a_user_id_but_no_name_or_grants_when_found_then_the_user_id_is_the_name_too() {
        client.putItem(put -> put.tableName(table).item(Map.of(CONNECTION_ID, AttributeValue.fromS("A"),
                USER_ID, AttributeValue.fromS("user-1"), ROOMS, AttributeValue.fromL(List.of()))));

        assertThat(store.find(ConnectionId.of("A"))).map(Connection::user)
                .contains(UserIdentity.of("user-1", "user-1", List.of()));
    }

    @Test
    void given_items_whose_user_attributes_are_not_a_user_when_found_then_it_fails_naming_the_attributes_not_the_values() {
        List<Map<String, AttributeValue>> items = List.of(
                Map.of(USER_ID, AttributeValue.fromN("42")),
                Map.of(USER_ID, AttributeValue.fromS("user-1"), USER_NAME, AttributeValue.fromBool(true)),
                Map.of(USER_ID, AttributeValue.fromS("user-1"), ROOMS, AttributeValue.fromSs(List.of("lobby"))),
                Map.of(USER_ID, AttributeValue.fromS("user-1"), ROOMS, AttributeValue.fromL(List.of(AttributeValue.fromN("1")))),
                Map.of(USER_ID, AttributeValue.fromS("SECRET\u0000")),
                Map.of(USER_ID, AttributeValue.fromS("user-1"), ROOMS, AttributeValue.fromL(List.of(AttributeValue.fromS("SECRET,x")))));
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(items.get(i));
            item.put(CONNECTION_ID, AttributeValue.fromS("bad-user-" + i));
            client.putItem(put -> put.tableName(table).item(item));
        }

        for (int i = 0; i < items.size(); i++) {
            ConnectionId id = ConnectionId.of("bad-user-" + i);
            assertThatThrownBy(() -> store.find(id)).as("item %s", items.get(i))
                    .isInstanceOf(ConnectionStoreException.class)
                    .hasMessageContaining(id.value()).hasMessageMatching("(?s).*'(userId|userName|rooms)'.*")
                    .hasMessageNotContaining("SECRET")
                    .rootCause().hasMessageNotContaining("SECRET");
        }
        assertThat(allIds(store, 10)).as("a page reads no user: every connection can still be reached")
                .hasSize(items.size());
    }

    @Test
    void given_items_that_are_not_connections_when_paged_then_they_are_skipped_and_finding_one_fails() {
        store.save(Connection.of(ConnectionId.of("good"), OPENED, ClientIdentity.UNKNOWN));
        client.putItem(put -> put.tableName(table).item(Map.of(
                CONNECTION_ID, AttributeValue.fromS("bad-time"), CONNECTED_AT, AttributeValue.fromS("yesterday"))));
        client.putItem(put -> put.tableName(table).item(Map.of(CONNECTION_ID, AttributeValue.fromS("../bad/id"))));

        assertThat(allIds(store, 10)).containsExactly("good");
        assertThatThrownBy(() -> store.find(ConnectionId.of("bad-time")))
                .isInstanceOf(ConnectionStoreException.class)
                .hasMessageContaining("bad-time").hasMessageContaining(table).hasMessageContaining(CONNECTED_AT);
    }

    // --- failures ---

    @Test
    void given_a_missing_table_when_any_operation_runs_then_it_fails_naming_operation_and_table_with_the_sdk_cause() {
        DynamoDbConnectionStore missing = store.toBuilder().tableName("no-such-table").build();
        Connection connection = Connection.of(ConnectionId.of("A"), OPENED, ClientIdentity.UNKNOWN);

        assertFailsWithSdkCause(missing, "PutItem", s -> s.save(connection));
        assertFailsWithSdkCause(missing, "DeleteItem", s -> s.remove(connection.id()));
        assertFailsWithSdkCause(missing, "GetItem", s -> s.find(connection.id()));
        assertFailsWithSdkCause(missing, "Scan", s -> s.findPage(PageRequest.first(10)));
    }

    @Test
    void given_a_missing_table_when_a_segmented_store_pages_then_the_scan_threads_failure_is_thrown_with_the_sdk_cause() {
        DynamoDbConnectionStore missing = store.toBuilder().tableName("no-such-table").scanSegments(3).build();

        assertFailsWithSdkCause(missing, "Scan", s -> s.findPage(PageRequest.first(10)));
    }

    private static void assertFailsWithSdkCause(DynamoDbConnectionStore store, String operation,
                                                ThrowingConsumer<DynamoDbConnectionStore> call) {
        assertThatThrownBy(() -> call.accept(store))
                .isInstanceOf(ConnectionStoreException.class)
                .hasMessageContaining(operation)
                .hasMessageContaining("'no-such-table'")
                .cause().isInstanceOf(ResourceNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "garbage",
            "conn-17",
            "v1.0.1.Y29ubi0x",
            "v3.1.Y29ubi0x",
            "v2.1",
            "v2.1.Y29ubi0x.extra",
            "v2.x.Y29ubi0x",
            "v2.-1.Y29ubi0x",
            "v2.3.Y29ubi0x",
            "v2.1.",
            "v2.1.~",
            "v2.1.not*base64",
            "v2.1.w4",
            "v2.99999999.Y29ubi0x"
    })
    void given_a_token_this_store_did_not_make_when_paged_then_it_is_refused(String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> store.findPage(PageRequest.first(10).after(PageCursor.of(token))))
                .withMessageContaining("Not a page cursor of this DynamoDB connection store");
    }

    @Test
    void given_a_cursor_of_a_store_scanning_in_other_segments_when_paged_then_it_is_refused() {
        IntStream.range(0, 5).forEach(i -> store.save(Connection.of(ConnectionId.of("c" + i), OPENED, ClientIdentity.UNKNOWN)));
        PageCursor plainCursor = store.findPage(PageRequest.first(2)).next().orElseThrow();
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(3).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> segmented.findPage(PageRequest.first(2).after(plainCursor)))
                .withMessageContaining("1 segments").withMessageContaining("in 3");
    }

    // --- segments ---

    @Test
    void given_three_scan_segments_when_paged_in_small_pages_then_each_connection_comes_exactly_once() {
        List<String> saved = IntStream.range(0, 200).mapToObj(i -> "seg-" + i).toList();
        saved.forEach(id -> store.save(Connection.of(ConnectionId.of(id), OPENED, ClientIdentity.UNKNOWN)));
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(3).build();

        List<String> seen = allIds(segmented, 9);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void given_pages_smaller_than_the_number_of_segments_when_paged_then_pages_keep_their_size_and_each_connection_comes_once() {
        List<String> saved = IntStream.range(0, 30).mapToObj(i -> "small-" + i).toList();
        saved.forEach(id -> store.save(Connection.of(ConnectionId.of(id), OPENED, ClientIdentity.UNKNOWN)));
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(5).build();

        // allIds checks that no page holds more than asked
        List<String> seen = allIds(segmented, 2);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void given_expired_connections_in_segments_when_paged_then_only_live_ones_come_once() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean expired = i % 3 != 0;
            Instant openedAt = expired ? NOW.minus(Duration.ofHours(3)) : NOW.minus(Duration.ofMinutes(5));
            store.save(Connection.of(ConnectionId.of("conn-" + i), openedAt, ClientIdentity.UNKNOWN));
            if (!expired) {
                live.add("conn-" + i);
            }
        }
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(4).build();

        assertThat(allIds(segmented, 7)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(live);
    }

    @Test
    void a_segmented_store_scans_on_at_most_one_thread_a_segment_that_ends_when_idle_and_a_plain_one_on_none() {
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(3).build();

        ThreadPoolExecutor threads = segmented.scanThreads().orElseThrow();

        assertThat(threads.getMaximumPoolSize()).isEqualTo(3);
        assertThat(threads.allowsCoreThreadTimeOut()).isTrue();
        assertThat(threads.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(threads.getPoolSize()).as("threads are made on demand").isZero();
        assertThat(store.scanThreads()).isEmpty();
    }

    private Map<String, AttributeValue> rawItem(String id) {
        return client.getItem(get -> get.tableName(table).key(Map.of(CONNECTION_ID, AttributeValue.fromS(id)))
                .consistentRead(true)).item();
    }

    static List<String> allIds(DynamoDbConnectionStore store, int pageSize) {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            ConnectionPage page = store.findPage(request);
            assertThat(page.connections()).hasSizeLessThanOrEqualTo(pageSize);
            page.connections().forEach(c -> ids.add(c.id().value()));
            if (page.next().isEmpty()) {
                return ids;
            }
            request = request.after(page.next().get());
        }
    }
}
