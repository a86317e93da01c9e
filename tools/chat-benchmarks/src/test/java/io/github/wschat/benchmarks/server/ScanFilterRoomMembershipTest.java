package io.github.wschat.benchmarks.server;

import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The baseline's read finds exactly a room's live members by Scanning the whole table page by page, the other
 * rooms' items read and filtered out; everything else is the project's membership. On DynamoDB Local.
 */
class ScanFilterRoomMembershipTest {

    private static final String TABLE = "memberships";
    /** 45 KB a membership: 90 of them make 4 MB, so that a Scan takes at least four calls of 1 MiB. */
    private static final String PAD = "x".repeat(45_000);

    private static EmbeddedDynamoDb database;
    private static ScanFilterRoomMembership membership;

    @BeforeAll
    static void given_a_table_of_three_rooms_of_4_mb() {
        database = EmbeddedDynamoDb.start();
        DynamoDbClient dynamoDb = database.client();
        // Time to Live off, so that DynamoDB Local keeps the expired item below
        DynamoDbTables.createTable(dynamoDb, DynamoDbRoomMembership.tableDefinition(TABLE), null);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String room : List.of("room-a", "room-b", "room-c")) {
            List<String> connections = IntStream.range(0, 30).mapToObj(i -> room + "-connection-" + i).toList();
            for (Map<String, AttributeValue> item : RoomItems.memberships(room, connections)) {
                Map<String, AttributeValue> padded = new HashMap<>(item);
                padded.put("pad", AttributeValue.fromS(PAD));
                items.add(padded);
            }
        }
        Map<String, AttributeValue> expired = new HashMap<>(RoomItems.memberships("room-a", List.of("expired-one")).get(0));
        expired.put(DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME, AttributeValue.fromN("1000"));
        items.add(expired);
        DynamoDbTables.batchWrite(dynamoDb, TABLE, items);
        DynamoDbRoomMembership queried = DynamoDbRoomMembership.builder().dynamoDbClient(dynamoDb).tableName(TABLE).build();
        membership = new ScanFilterRoomMembership(dynamoDb, queried, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void given_a_room_when_its_members_are_read_page_by_page_then_each_live_member_comes_once_over_several_scans() {
        List<String> found = new ArrayList<>();
        int pages = 0;
        PageRequest request = PageRequest.first(500);
        while (true) {
            MembershipPage page = membership.members(RoomName.of("room-a"), request);
            pages++;
            page.memberships().forEach(member -> {
                assertThat(member.room()).isEqualTo(RoomName.of("room-a"));
                found.add(member.connection().value());
            });
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }

        assertThat(found).hasSize(30).doesNotHaveDuplicates().doesNotContain("expired-one")
                .allMatch(id -> id.startsWith("room-a-connection-"));
        assertThat(pages).as("1 MiB a Scan call over 4 MB").isGreaterThanOrEqualTo(4);
    }

    @Test
    void given_a_cursor_when_decoded_then_it_is_the_last_evaluated_key_and_a_foreign_one_is_refused() {
        assertThat(ScanFilterRoomMembership.startKey(PageCursor.of("room-b room-b-connection-7"))).isEqualTo(Map.of(
                DynamoDbRoomMembership.ROOM, AttributeValue.fromS("room-b"),
                DynamoDbRoomMembership.CONNECTION_ID, AttributeValue.fromS("room-b-connection-7")));
        assertThatThrownBy(() -> ScanFilterRoomMembership.startKey(PageCursor.of("m1.abc")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_the_other_operations_when_called_then_they_are_the_project_membership_s() {
        assertThat(membership.isMember(RoomName.of("room-c"), ConnectionId.of("room-c-connection-3"))).isTrue();
        assertThat(membership.isMember(RoomName.of("room-c"), ConnectionId.of("room-a-connection-3"))).isFalse();
        List<Membership> removed = membership.removeConnection(ConnectionId.of("room-b-connection-0"));
        assertThat(removed).extracting(Membership::room).containsExactly(RoomName.of("room-b"));
    }
}
