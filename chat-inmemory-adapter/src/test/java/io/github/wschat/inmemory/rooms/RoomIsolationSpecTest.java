package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §4: a room's messages reach exactly its other members, once each. */
class RoomIsolationSpecTest {

    private final RoomsFixture fixture = new RoomsFixture();

    @Test
    void given_3_rooms_of_10_clients_when_each_publishes_then_every_message_reaches_exactly_its_rooms_other_members_once() {
        Map<String, List<ConnectionId>> rooms = new TreeMap<>();
        for (String room : List.of("red", "green", "blue")) {
            List<ConnectionId> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ConnectionId client = fixture.connect(room + "-" + i);
                fixture.send(client, "join " + room);
                clients.add(client);
            }
            rooms.put(room, clients);
        }
        ConnectionId outsider = fixture.connect("outsider");
        fixture.forgetReceived();

        rooms.forEach((room, clients) -> clients.forEach(client ->
                fixture.send(client, "publish " + room + " from-" + client + " hello-from-" + client)));

        rooms.forEach((room, clients) -> clients.forEach(client -> {
            List<String> messages = fixture.received(client).stream().filter(text -> text.startsWith("message ")).toList();
            List<String> expected = clients.stream().filter(other -> !other.equals(client))
                    .map(other -> "hello-from-" + other).toList();
            assertThat(messages).as("messages received by %s", client)
                    .allSatisfy(text -> assertThat(text).startsWith("message " + room + " "))
                    .hasSize(9)
                    .extracting(text -> text.substring(text.lastIndexOf(' ') + 1))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(fixture.received(client)).filteredOn(text -> text.startsWith("ack ")).hasSize(1);
        }));
        assertThat(fixture.received(outsider)).isEmpty();
        rooms.keySet().forEach(room -> assertThat(fixture.log.lastSeq(RoomName.of(room))).isEqualTo(10));
    }

    @Test
    void a_publish_reaches_the_same_users_other_connections_but_not_the_publishing_one() {
        var alice = RoomsFixture.user("alice");
        ConnectionId laptop = fixture.connect("laptop", alice);
        ConnectionId phone = fixture.connect("phone", alice);
        ConnectionId bob = fixture.connect("bob", RoomsFixture.user("bob"));
        List.of(laptop, phone, bob).forEach(client -> fixture.send(client, "join lobby"));
        fixture.forgetReceived();

        fixture.send(laptop, "publish lobby m1 hi ref=r1");

        assertThat(fixture.received(laptop)).containsExactly("ack lobby m1 seq=1 ref=r1");
        assertThat(fixture.received(phone)).containsExactly("message lobby seq=1 m1 from=alice hi");
        assertThat(fixture.received(bob)).containsExactly("message lobby seq=1 m1 from=alice hi");
    }
}
