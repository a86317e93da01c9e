package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.BroadcastCommand;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §3: joined and left, presence to the others, members with their connections, leaves on a drop. */
class PresenceSpecTest {

    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final UserIdentity ALICE = RoomsFixture.user("alice");
    private static final UserIdentity BOB = RoomsFixture.user("bob");

    private final RoomsFixture fixture = new RoomsFixture();

    @Test
    void a_join_answers_joined_with_the_last_seq_and_tells_the_others_not_the_joiner() {
        ConnectionId bob = fixture.connect("bob", BOB);
        fixture.send(bob, "join lobby");
        fixture.send(bob, "publish lobby m1 hi");
        fixture.forgetReceived();
        ConnectionId alice = fixture.connect("alice", ALICE);

        RoomResult joined = fixture.send(alice, "join lobby ref=r1");

        assertThat(fixture.received(alice)).containsExactly("joined lobby lastSeq=1 ref=r1");
        assertThat(fixture.received(bob)).containsExactly("presence lobby join alice");
        assertThat(joined).isEqualTo(new RoomResult.Done(io.github.wschat.core.domain.DeliveryOutcome.delivered(),
                new BroadcastReport(1, 1, 0, 0, java.util.List.of())));
    }

    @Test
    void joining_again_answers_joined_again_and_tells_nobody() {
        ConnectionId bob = fixture.connect("bob", BOB);
        ConnectionId alice = fixture.connect("alice", ALICE);
        fixture.joined("lobby", bob, alice);

        fixture.send(alice, "join lobby ref=again");

        assertThat(fixture.received(alice)).containsExactly("joined lobby lastSeq=0 ref=again");
        assertThat(fixture.received(bob)).isEmpty();
        assertThat(fixture.membership.size(LOBBY)).isEqualTo(2);
    }

    @Test
    void a_users_second_connection_is_no_new_presence_and_only_its_last_leaving_is_a_leave() {
        ConnectionId bob = fixture.connect("bob", BOB);
        ConnectionId laptop = fixture.connect("laptop", ALICE);
        ConnectionId phone = fixture.connect("phone", ALICE);
        fixture.joined("lobby", bob, laptop);

        fixture.send(phone, "join lobby");
        fixture.send(laptop, "leave lobby ref=bye");

        assertThat(fixture.received(bob)).isEmpty();
        assertThat(fixture.received(laptop)).containsExactly("left lobby ref=bye");
        assertThat(fixture.received(phone)).containsExactly("joined lobby lastSeq=0");

        fixture.send(phone, "leave lobby");

        assertThat(fixture.received(bob)).containsExactly("presence lobby leave alice");
        assertThat(fixture.membership.size(LOBBY)).isEqualTo(1);
    }

    @Test
    void leaving_a_room_one_is_not_in_answers_left_and_tells_nobody() {
        ConnectionId bob = fixture.connect("bob", BOB);
        ConnectionId alice = fixture.connect("alice", ALICE);
        fixture.send(bob, "join lobby");
        fixture.forgetReceived();

        fixture.send(alice, "leave lobby ref=r");

        assertThat(fixture.received(alice)).containsExactly("left lobby ref=r");
        assertThat(fixture.received(bob)).isEmpty();
    }

    @Test
    void members_lists_the_users_with_their_connections_in_the_room() {
        ConnectionId laptop = fixture.connect("laptop", ALICE);
        ConnectionId phone = fixture.connect("phone", ALICE);
        ConnectionId bob = fixture.connect("bob", BOB);
        ConnectionId elsewhere = fixture.connect("elsewhere", ALICE);
        fixture.send(elsewhere, "join other");
        fixture.joined("lobby", laptop, phone, bob);

        fixture.send(bob, "members lobby ref=m");

        assertThat(fixture.received(bob)).containsExactly("members lobby [alicex2,bobx1] ref=m");
    }

    @Test
    void members_of_a_room_of_many_pages_counts_every_connection() {
        ConnectionId asker = fixture.connect("asker", BOB);
        fixture.send(asker, "join lobby");
        IntStream.range(0, 50).forEach(i -> fixture.send(fixture.connect("a" + i, ALICE), "join lobby"));
        fixture.forgetReceived();

        fixture.send(asker, "members lobby");

        assertThat(fixture.received(asker)).containsExactly("members lobby [alicex50,bobx1]");
    }

    @Test
    void a_disconnect_leaves_every_room_telling_each_the_user_left() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId bob = fixture.connect("bob", BOB);
        for (String room : new String[] {"lobby", "games", "news"}) {
            fixture.joined(room, alice, bob);
        }

        fixture.disconnect(alice);

        assertThat(fixture.received(bob)).containsExactlyInAnyOrder(
                "presence lobby leave alice", "presence games leave alice", "presence news leave alice");
        assertThat(fixture.membership.roomsOf(alice)).isEmpty();
        assertThat(fixture.store.contains(alice)).isFalse();
    }

    @Test
    void a_recipient_found_gone_in_a_room_fan_out_leaves_the_store_and_all_its_rooms_and_is_told_as_a_leave() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId bob = fixture.connect("bob", BOB);
        ConnectionId dropped = fixture.connect("dropped", RoomsFixture.user("carol"));
        ConnectionId failing = fixture.connect("failing", RoomsFixture.user("dave"));
        fixture.joined("games", bob, dropped);
        fixture.joined("lobby", alice, bob, dropped, failing);
        fixture.sender.markGone(dropped).markFailing(failing, "429 Too Many Requests");

        RoomResult.Published published = (RoomResult.Published) fixture.send(alice, "publish lobby m1 hi");

        assertThat(published.delivery()).extracting(BroadcastReport::attempted, BroadcastReport::delivered,
                BroadcastReport::goneRemoved, BroadcastReport::failed).containsExactly(3, 1, 1, 1);
        assertThat(fixture.store.contains(dropped)).isFalse();
        assertThat(fixture.membership.roomsOf(dropped)).isEmpty();
        assertThat(fixture.received(bob)).containsExactlyInAnyOrder("message lobby seq=1 m1 from=alice hi",
                "presence lobby leave carol", "presence games leave carol");
        assertThat(fixture.received(alice)).containsExactly("ack lobby m1 seq=1", "presence lobby leave carol");
        assertThat(fixture.membership.isMember(LOBBY, failing)).as("a failing recipient stays").isTrue();
    }

    @Test
    void a_recipient_found_gone_by_the_tutorials_broadcast_leaves_its_rooms_too() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId bob = fixture.connect("bob", BOB);
        fixture.joined("lobby", bob, alice);
        fixture.sender.markGone(alice);

        BroadcastReport report = (BroadcastReport) fixture.chat.broadcast().broadcast(new BroadcastCommand(bob, "hello"));

        assertThat(report.goneRemoved()).isEqualTo(1);
        assertThat(fixture.membership.isMember(LOBBY, alice)).isFalse();
        assertThat(fixture.received(bob)).containsExactly("presence lobby leave alice");
    }
}
