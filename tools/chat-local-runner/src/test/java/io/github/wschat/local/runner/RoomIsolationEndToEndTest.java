package io.github.wschat.local.runner;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 5, room isolation, end to end: three rooms of ten real WebSocket clients each behind the local
 * WebSocket API, the example's handlers and DynamoDB Local. Every client publishes once, all at the same time;
 * every message reaches exactly its room's nine other members, once, and nobody else.
 */
class RoomIsolationEndToEndTest {

    private static final int ROOMS = 3;
    private static final int MEMBERS = 10;

    @Test
    void every_message_reaches_exactly_the_other_members_of_its_room_once() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<String> rooms = List.of("red-" + run, "green-" + run, "blue-" + run);
        List<List<RoomClient>> members = new ArrayList<>();
        try {
            for (String room : rooms) {
                List<RoomClient> inRoom = new ArrayList<>();
                members.add(inRoom);
                RoomClient.joinAll(room, MEMBERS, inRoom);
            }

            for (int r = 0; r < ROOMS; r++) {
                for (int k = 0; k < MEMBERS; k++) {
                    members.get(r).get(k).publish(rooms.get(r), id(r, k), "from " + id(r, k));
                }
            }
            for (List<RoomClient> inRoom : members) {
                for (RoomClient client : inRoom) {
                    client.awaitHandled("publish");
                }
            }

            for (int r = 0; r < ROOMS; r++) {
                for (int k = 0; k < MEMBERS; k++) {
                    RoomClient client = members.get(r).get(k);
                    Map<String, List<Map<String, Object>>> byType = client.next(MEMBERS).stream()
                            .collect(Collectors.groupingBy(frame -> (String) frame.get("type")));
                    int member = k;
                    int room = r;
                    List<String> othersIds = IntStream.range(0, MEMBERS).filter(other -> other != member)
                            .mapToObj(other -> id(room, other)).toList();
                    assertThat(byType.keySet()).as("the kinds of frame member %d of %s got", k, rooms.get(r))
                            .containsExactlyInAnyOrder("ack", "message");
                    assertThat(byType.get("ack")).singleElement().satisfies(ack -> assertThat(ack)
                            .containsEntry("room", rooms.get(room)).containsEntry("id", id(room, member)));
                    assertThat(byType.get("message")).as("the messages member %d of %s got", k, rooms.get(r))
                            .allSatisfy(message -> assertThat(message).containsEntry("room", rooms.get(room))
                                    .containsEntry("text", "from " + message.get("id")))
                            .extracting(message -> (String) message.get("id"))
                            .containsExactlyInAnyOrderElementsOf(othersIds);
                }
            }
            // every handler has returned, so every frame of the test is on its way: none more may come
            for (List<RoomClient> inRoom : members) {
                for (RoomClient client : inRoom) {
                    assertThat(client.arrivedWithin(Duration.ofMillis(200)))
                            .as("what %s got beyond its room's messages", client.connectionId()).isEmpty();
                }
            }
        } finally {
            members.stream().flatMap(List::stream).forEach(RoomClient::close);
        }
    }

    private static String id(int room, int member) {
        return "r" + room + "-m" + member;
    }
}
