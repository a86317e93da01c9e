package io.github.wschat.local.runner;

import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rooms through the example's room handlers, unchanged, behind the local WebSocket API, with the tables the
 * runner made from the adapters' definitions (the names the pom sets, as run-local-chat.sh exports them):
 * PROTOCOL §3–5 on real WebSocket clients.
 */
class RoomSessionTest {

    @Test
    void two_members_of_a_room_chat_by_seq_and_history_while_another_room_hears_nothing_and_a_private_room_is_refused()
            throws Exception {
        try (WebSocketTestClient alice = RunningChat.connect();
             WebSocketTestClient bob = RunningChat.connect();
             WebSocketTestClient carol = RunningChat.connect()) {
            String room = "general-" + System.nanoTime();
            String other = "other-" + System.nanoTime();

            alice.send(join(room));
            assertThat(alice.next()).isEqualTo("{\"type\":\"joined\",\"room\":\"" + room + "\",\"lastSeq\":0}");
            RunningChat.awaitHandled(alice, "join");
            bob.send(join(room));
            assertThat(bob.next()).isEqualTo("{\"type\":\"joined\",\"room\":\"" + room + "\",\"lastSeq\":0}");
            assertThat(alice.next()).as("bob's arrival, told to alice")
                    .startsWith("{\"type\":\"presence\",\"room\":\"" + room + "\",\"event\":\"join\",\"user\":{\"userId\":");
            RunningChat.awaitHandled(bob, "join");
            carol.send(join(other));
            assertThat(carol.next()).isEqualTo("{\"type\":\"joined\",\"room\":\"" + other + "\",\"lastSeq\":0}");
            RunningChat.awaitHandled(carol, "join");

            alice.send("{\"action\":\"publish\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"text\":\"hello, room\",\"ref\":\"p1\"}");

            assertThat(alice.next()).isEqualTo("{\"type\":\"ack\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"seq\":1,\"ref\":\"p1\"}");
            String message = bob.next();
            assertThat(message).startsWith("{\"type\":\"message\",\"room\":\"" + room + "\",\"seq\":1,\"id\":\"m-1\",\"from\":{")
                    .contains("\"text\":\"hello, room\",\"sentAt\":\"");
            RunningChat.awaitHandled(alice, "publish");

            bob.send("{\"action\":\"history\",\"room\":\"" + room + "\",\"after\":0,\"limit\":10}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"history\",\"room\":\"" + room + "\",\"messages\":[" + message
                    + "],\"lastSeq\":1,\"more\":false,\"truncated\":false}");
            RunningChat.awaitHandled(bob, "history");

            // every handler of the session has returned: nothing of the room can come to carol any more
            assertThat(carol.poll(Duration.ofMillis(500))).as("what carol, in another room, received").isEmpty();
            assertThat(alice.poll(Duration.ofMillis(100))).as("alice gets no message of her own").isEmpty();

            carol.send("{\"action\":\"join\",\"room\":\"private-x\",\"ref\":\"j2\"}");
            assertThat(carol.next()).startsWith("{\"type\":\"error\",\"code\":\"forbidden\",\"error\":\"")
                    .endsWith(",\"ref\":\"j2\"}");
            assertThat(RunningChat.awaitHandled(carol, "join").status()).isEqualTo(400);
            assertThat(alice.poll(Duration.ofMillis(100))).isEmpty();
            assertThat(bob.poll(Duration.ofMillis(100))).isEmpty();
        }
    }

    private static String join(String room) {
        return "{\"action\":\"join\",\"room\":\"" + room + "\"}";
    }
}
