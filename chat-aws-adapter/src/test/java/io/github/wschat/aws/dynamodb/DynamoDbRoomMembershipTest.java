package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembershipException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.github.wschat.aws.dynamodb.DynamoDbRoomMembership.CONNECTION_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbRoomMembership.JOINED_AT;
import static io.github.wschat.aws.dynamodb.DynamoDbRoomMembership.ROOM;
import static io.github.wschat.aws.dynamodb.DynamoDbRoomMembership.USER_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbRoomMembership.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the DynamoDB room membership does beyond the port's contract: the item layout and indexes, the
 * calls each operation makes (counted over HTTP), expiry, cursors and failures. Against DynamoDB Local
 * as a loopback server, one table per test.
 */
class DynamoDbRoomMembershipTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant JOINED = Instant.parse("2026-12-02T11:15:30.123Z");
    private static final UserRef ALICE = UserRef.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice");
    private static final UserRef BOB = UserRef.of("bob", "Bob");
    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final CallLog CALLS = new CallLog();

    @RegisterExtension
    static final LocalTables TABLES = LocalTables.overHttp(CALLS);

    private String table;
    private DynamoDbRoomMembership membership;

    @BeforeEach
    void createTable() {
        table = TABLES.create(DynamoDbRoomMembership::tableDefinition);
        membership = DynamoDbRoomMembership.builder().dynamoDbClient(TABLES.client()).tableName(table)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        CALLS.reset();
    }

    @Test
    void given_a_join_when_read_raw_then_the_item_has_the_documented_attributes_and_the_ttl_in_seconds() {
        assertThat(membership.join(Membership.of(LOBBY, ConnectionId.of("Bq3xkcNyoAMCJpQ="), ALICE, JOINED))).isTrue();
        assertThat(CALLS.operations()).containsExactly("PutItem");

        Map<String, AttributeValue> item = TABLES.client().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(ROOM, AttributeValue.fromS("lobby"), CONNECTION_ID, AttributeValue.fromS("Bq3xkcNyoAMCJpQ=")))).item();

        assertThat(item).isEqualTo(Map.of(
                ROOM, AttributeValue.fromS("lobby"),
                CONNECTION_ID, AttributeValue.fromS("Bq3xkcNyoAMCJpQ="),
                USER_ID, AttributeValue.fromS(ALICE.userId()),
                USER_NAME, AttributeValue.fromS("Alice"),
                JOINED_AT, AttributeValue.fromN(Long.toString(JOINED.toEpochMilli())),
                // 11:15:30.123 + 2 h 15 min = 13:30:30.123, in whole seconds
                "ttl", AttributeValue.fromN(Long.toString(Instant.parse("2026-12-02T13:30:30Z").getEpochSecond()))));
        assertThat(List.of(ROOM, CONNECTION_ID, USER_ID, USER_NAME, JOINED_AT))
                .containsExactly("room", "connectionId", "userId", "userName", "joinedAt");
    }

    @Test
    void the_table_definition_has_the_room_and_connection_keys_the_connection_index_and_the_user_index() {
        CreateTableRequest definition = DynamoDbRoomMembership.tableDefinition("t");

        assertThat(definition.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyType())
                .containsExactly("room:HASH", "connectionId:RANGE");
        assertThat(definition.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("connectionId-room-index");
            assertThat(index.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyType())
                    .containsExactly("connectionId:HASH", "room:RANGE");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(definition.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("room-userId-index");
            assertThat(index.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyType())
                    .containsExactly("room:HASH", "userId:RANGE");
            assertThat(index.projection().nonKeyAttributes()).containsExactly("ttl");
        });
        assertThat(TABLES.client().describeTable(describe -> describe.tableName(table)).table()
                .globalSecondaryIndexes()).hasSize(1);
    }

    @Test
    void given_a_connection_in_60_rooms_when_removed_then_one_index_query_and_3_batch_writes_and_nothing_else() {
        List<RoomName> rooms = IntStream.range(0, 60).mapToObj(i -> RoomName.of("room-" + i)).toList();
        rooms.forEach(room -> membership.join(Membership.of(room, ConnectionId.of("A"), ALICE, JOINED)));
        rooms.forEach(room -> membership.join(Membership.of(room, ConnectionId.of("B"), BOB, JOINED)));
        CALLS.reset();

        List<Membership> removed = membership.removeConnection(ConnectionId.of("A"));

        assertThat(removed).hasSize(60).extracting(Membership::room).containsExactlyInAnyOrderElementsOf(rooms);
        // 1 + ceil(60 / 25)
        assertThat(CALLS.operations()).containsExactly("Query", "BatchWriteItem", "BatchWriteItem", "BatchWriteItem");
        assertThat(rooms).allSatisfy(room -> assertThat(membership.isMember(room, ConnectionId.of("B"))).isTrue());
        assertThat(membership.removeConnection(ConnectionId.of("A"))).isEmpty();
    }

    @Test
    void given_250_members_when_paged_by_7_then_one_query_a_page_never_a_scan_and_each_member_once() {
        IntStream.range(0, 250).forEach(i -> membership.join(Membership.of(LOBBY, ConnectionId.of("c" + i), ALICE, JOINED)));
        CALLS.reset();

        List<String> seen = new ArrayList<>();
        int pages = 0;
        PageRequest request = PageRequest.first(7);
        while (true) {
            MembershipPage page = membership.members(LOBBY, request);
            pages++;
            assertThat(page.memberships()).hasSizeLessThanOrEqualTo(7);
            page.memberships().forEach(m -> seen.add(m.connection().value()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }

        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(pages).isBetween(36, 37);
        assertThat(CALLS.operations()).hasSize(pages).containsOnly("Query");
    }

    @Test
    void counting_a_users_connections_is_one_query_of_the_user_index() {
        membership.join(Membership.of(LOBBY, ConnectionId.of("A1"), ALICE, JOINED));
        membership.join(Membership.of(LOBBY, ConnectionId.of("A2"), ALICE, JOINED));
        IntStream.range(0, 50).forEach(i -> membership.join(Membership.of(LOBBY, ConnectionId.of("b" + i), BOB, JOINED)));
        CALLS.reset();

        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(2);
        assertThat(CALLS.operations()).containsExactly("Query");
    }

    @Test
    void given_an_expired_membership_then_it_is_no_member_nor_counted_nor_listed_nor_removed_and_may_join_anew() {
        Instant longAgo = NOW.minus(Duration.ofHours(3));
        membership.join(Membership.of(LOBBY, ConnectionId.of("old"), ALICE, longAgo));
        membership.join(Membership.of(LOBBY, ConnectionId.of("new"), ALICE, JOINED));

        assertThat(membership.isMember(LOBBY, ConnectionId.of("old"))).isFalse();
        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(1);
        assertThat(membership.members(LOBBY, PageRequest.first(10)).memberships())
                .extracting(m -> m.connection().value()).containsExactly("new");
        assertThat(membership.join(Membership.of(LOBBY, ConnectionId.of("old"), BOB, JOINED))).as("replaces it").isTrue();
        assertThat(membership.leave(LOBBY, ConnectionId.of("old"))).map(Membership::user).contains(BOB);
        membership.join(Membership.of(RoomName.of("other"), ConnectionId.of("gone"), ALICE, longAgo));
        assertThat(membership.removeConnection(ConnectionId.of("gone"))).as("expired: no leave to tell").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "m1", "m1.bG9iYnk", "m2.bG9iYnk.QQ", "m1.bG9iYnk.QQ.x", "m1.bG9iYnk.*",
            "m1.b3RoZXI.QQ", "m1.bG9iYnk.Li4vYQ", "m1.bG9iYnk."})
    void given_a_token_this_membership_did_not_make_for_the_room_when_paged_then_it_is_refused(String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> membership.members(LOBBY, PageRequest.first(5).after(PageCursor.of(token))))
                .withMessageContaining("Not a page cursor of this DynamoDB room membership");
    }

    @Test
    void a_cursor_of_one_room_is_refused_for_another_and_a_made_one_goes_on() {
        IntStream.range(0, 5).forEach(i -> membership.join(Membership.of(LOBBY, ConnectionId.of("c" + i), ALICE, JOINED)));
        PageCursor next = membership.members(LOBBY, PageRequest.first(2)).next().orElseThrow();
        String encodedRoom = Base64.getUrlEncoder().withoutPadding().encodeToString("lobby".getBytes());

        assertThat(next.token()).startsWith("m1." + encodedRoom + ".");
        assertThat(membership.members(LOBBY, PageRequest.first(2).after(next)).memberships()).hasSize(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> membership.members(RoomName.of("other"), PageRequest.first(2).after(next)))
                .withMessageContaining("another room");
    }

    @Test
    void given_a_missing_table_when_any_operation_runs_then_it_fails_naming_operation_and_table_with_the_sdk_cause() {
        DynamoDbRoomMembership missing = membership.toBuilder().tableName("no-such-table").build();
        Membership a = Membership.of(LOBBY, ConnectionId.of("A"), ALICE, JOINED);

        assertFails(missing, "PutItem", m -> m.join(a));
        assertFails(missing, "DeleteItem", m -> m.leave(LOBBY, a.connection()));
        assertFails(missing, "GetItem", m -> m.isMember(LOBBY, a.connection()));
        assertFails(missing, "Query", m -> m.connectionCount(LOBBY, ALICE.userId()));
        assertFails(missing, "Query", m -> m.members(LOBBY, PageRequest.first(5)));
        assertFails(missing, "Query", m -> m.removeConnection(a.connection()));
    }

    @Test
    void the_builder_requires_a_client_and_a_table_and_refuses_bad_settings() {
        assertThatThrownBy(() -> DynamoDbRoomMembership.builder().tableName("t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dynamoDbClient");
        assertThatThrownBy(() -> membership.toBuilder().tableName(" ").build()).hasMessageContaining("tableName");
        assertThatThrownBy(() -> membership.toBuilder().ttlAttributeName("userId").build())
                .hasMessageContaining("ttlAttributeName");
        assertThatThrownBy(() -> membership.toBuilder().ttlDuration(Duration.ZERO).build()).hasMessageContaining("ttlDuration");
        assertThat(membership.ttlDuration()).isEqualTo(Duration.ofMinutes(135));
    }

    private static void assertFails(DynamoDbRoomMembership missing, String operation, Consumer<DynamoDbRoomMembership> call) {
        assertThatThrownBy(() -> call.accept(missing))
                .isInstanceOf(RoomMembershipException.class)
                .hasMessageContaining(operation).hasMessageContaining("'no-such-table'")
                .cause().isInstanceOf(ResourceNotFoundException.class);
    }
}
