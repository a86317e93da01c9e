package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.websocket.CloseStatus;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROTOCOL §3 when {@code $disconnect} is lost (REFERENCE: it is best effort): a member's connection dropped
 * without it stays in the tables, stale, until the room's next fan-out meets 410 for it; then it is removed
 * from the connections table and from the room, and the others are told its user left, once; unless its
 * user has another connection in the room, which stays, and then nobody is told anything.
 */
class AbruptDropPresenceTest {

    private static final String DEV_TABLE = "wschat-drop-dev";

    @Test
    void a_member_dropped_without_disconnect_is_removed_at_the_next_publish_that_meets_410_and_the_others_are_told_it_left_once()
            throws Exception {
        String room = "drop-" + System.nanoTime();
        try (WebSocketTestClient alice = RunningChat.connect();
             WebSocketTestClient bob = RunningChat.connect();
             WebSocketTestClient carol = RunningChat.connect()) {
            String bobId = RunningChat.connectionId(bob);
            String bobUser = "{\"userId\":\"anon:" + bobId + "\",\"name\":\"anonymous\"}";
            join(alice, room);
            join(bob, room);
            assertThat(alice.next()).as("bob's arrival, told to alice").isEqualTo(presence(room, "join", bobUser));
            join(carol, room);
            assertThat(alice.next()).startsWith("{\"type\":\"presence\",\"room\":\"" + room + "\",\"event\":\"join\"");
            assertThat(bob.next()).startsWith("{\"type\":\"presence\",\"room\":\"" + room + "\",\"event\":\"join\"");

            RunningChat.dropWithoutDisconnect(bob);

            CloseStatus seen = bob.awaitClose();
            assertThat(seen.code()).as("what bob saw: %s", seen).isEqualTo(CloseStatus.ABNORMAL_CLOSURE);
            assertThat(RunningChat.item(bobId)).as("bob's connection item, stale").isNotEmpty();
            assertThat(RunningChat.membershipsOf(room)).as("the room's memberships before the publish").contains(bobId);

            alice.send("{\"action\":\"publish\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"text\":\"still there, bob?\",\"ref\":\"p1\"}");

            assertThat(alice.next()).isEqualTo("{\"type\":\"ack\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"seq\":1,\"ref\":\"p1\"}");
            assertThat(carol.next()).startsWith("{\"type\":\"message\",\"room\":\"" + room + "\",\"seq\":1,\"id\":\"m-1\",\"from\":{")
                    .contains("\"text\":\"still there, bob?\"");
            assertThat(alice.next()).as("bob's leave, told to alice").isEqualTo(presence(room, "leave", bobUser));
            assertThat(carol.next()).as("bob's leave, told to carol").isEqualTo(presence(room, "leave", bobUser));
            // the publish handler returns once its fan-out, the 410 and the leave it told are done
            assertThat(RunningChat.awaitHandled(alice, "publish").status()).isEqualTo(200);
            assertThat(RunningChat.item(bobId)).as("bob's connection item").isEmpty();
            assertThat(RunningChat.membershipsOf(room)).as("the room's memberships")
                    .containsExactlyInAnyOrder(RunningChat.connectionId(alice), RunningChat.connectionId(carol));

            alice.send("{\"action\":\"members\",\"room\":\"" + room + "\"}");
            assertThat(members(alice.next(), room)).as("the members alice is told")
                    .containsExactlyInAnyOrder(member(alice), member(carol));
            RunningChat.awaitHandled(alice, "members");

            assertThat(alice.poll(Duration.ofMillis(300))).as("what else alice received").isEmpty();
            assertThat(carol.poll(Duration.ofMillis(100))).as("what else carol received").isEmpty();
        }
    }

    @Test
    void a_user_with_two_connections_one_dropped_without_disconnect_loses_it_at_the_next_publish_and_no_leave_is_told()
            throws Exception {
        // a user with two connections needs identity, and the handlers of this JVM serve the chat without it:
        // this chat runs with CHAT_AUTH=dev in a JVM of its own, which drops a connection when told on stdin
        String room = "drop-twice-" + System.nanoTime();
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             DynamoDbClient items = LocalChatMainTest.dynamoDbClient(dynamoDb.endpoint());
             ProcessOutput chat = LocalChatMainTest.startChat(LostDisconnectChat.class, Map.of(
                     "CHAT_PORT", "0",
                     "TABLE_NAME", DEV_TABLE,
                     "MEMBERSHIPS_TABLE_NAME", DEV_TABLE + "-memberships",
                     "MESSAGES_TABLE_NAME", DEV_TABLE + "-messages",
                     "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                     "CHAT_AUTH", "dev"))) {
            URI tokenEndpoint = URI.create(chat.awaitLine(DevIssuerWscatTest.TOKEN_URL, RunningChat.TIMEOUT).group(1));
            URI chatUri = URI.create(chat.awaitLine(LocalChatMainTest.READY, RunningChat.TIMEOUT).group(1));
            URI aliceUri = URI.create(chatUri + "?token=" + DevIssuerWscatTest.mint(tokenEndpoint, "user=alice&name=Alice"));
            URI bobUri = URI.create(chatUri + "?token=" + DevIssuerWscatTest.mint(tokenEndpoint, "user=bob&name=Bob"));
            try (WebSocketTestClient alice = WebSocketTestClient.builder(aliceUri).timeout(RunningChat.TIMEOUT).connect();
                 WebSocketTestClient bobOnPhone = WebSocketTestClient.builder(bobUri).timeout(RunningChat.TIMEOUT).connect();
                 WebSocketTestClient bobOnLaptop = WebSocketTestClient.builder(bobUri).timeout(RunningChat.TIMEOUT).connect()) {
                String aliceId = DefaultRouteInfo.connectionIdOf(alice);
                String phoneId = DefaultRouteInfo.connectionIdOf(bobOnPhone);
                String laptopId = DefaultRouteInfo.connectionIdOf(bobOnLaptop);
                joinIn(chat, alice, aliceId, room);
                joinIn(chat, bobOnPhone, phoneId, room);
                assertThat(alice.next()).as("bob's arrival").isEqualTo(presence(room, "join", "{\"userId\":\"bob\",\"name\":\"Bob\"}"));
                joinIn(chat, bobOnLaptop, laptopId, room);

                chat.type("drop " + phoneId);

                chat.awaitLine(Pattern.compile("dropped " + Pattern.quote(phoneId) + ": true"), RunningChat.TIMEOUT);
                assertThat(bobOnPhone.awaitClose().code()).as("what bob's phone saw").isEqualTo(CloseStatus.ABNORMAL_CLOSURE);
                assertThat(ChatTables.membershipsOf(items, DEV_TABLE + "-memberships", room)).as("before the publish")
                        .containsExactlyInAnyOrder(aliceId, phoneId, laptopId);

                alice.send("{\"action\":\"publish\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"text\":\"hi, bob\"}");

                assertThat(alice.next()).isEqualTo("{\"type\":\"ack\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"seq\":1}");
                assertThat(bobOnLaptop.next()).startsWith("{\"type\":\"message\",\"room\":\"" + room + "\",\"seq\":1,\"id\":\"m-1\",")
                        .contains("\"text\":\"hi, bob\"");
                awaitHandledIn(chat, aliceId, "publish");
                assertThat(LocalChatMainTest.item(items, DEV_TABLE, phoneId)).as("the phone's connection item").isEmpty();
                assertThat(LocalChatMainTest.item(items, DEV_TABLE, laptopId)).as("the laptop's").isNotEmpty();
                assertThat(ChatTables.membershipsOf(items, DEV_TABLE + "-memberships", room)).as("after the publish")
                        .containsExactlyInAnyOrder(aliceId, laptopId);

                alice.send("{\"action\":\"members\",\"room\":\"" + room + "\"}");
                assertThat(members(alice.next(), room)).as("the members alice is told").containsExactlyInAnyOrder(
                        Map.of("userId", "alice", "name", "Alice", "connections", 1),
                        Map.of("userId", "bob", "name", "Bob", "connections", 1));
                awaitHandledIn(chat, aliceId, "members");
                assertThat(alice.poll(Duration.ofMillis(300))).as("what else alice received: no leave").isEmpty();
                assertThat(bobOnLaptop.poll(Duration.ofMillis(100))).as("what else bob's laptop received").isEmpty();
            }
        }
    }

    /** The members of a {@code members} reply of the room. */
    @SuppressWarnings("unchecked")
    private static List<Object> members(String reply, String room) throws IOException {
        Map<String, Object> members = JSON.std.mapFrom(reply);
        assertThat(members).containsEntry("type", "members").containsEntry("room", room);
        return (List<Object>) members.get("members");
    }

    private static void join(WebSocketTestClient client, String room) throws Exception {
        client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"joined\",\"room\":\"" + room + "\",\"lastSeq\":0}");
        RunningChat.awaitHandled(client, "join");
    }

    private static void joinIn(ProcessOutput chat, WebSocketTestClient client, String id, String room) throws Exception {
        client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"joined\",\"room\":\"" + room + "\",\"lastSeq\":0}");
        awaitHandledIn(chat, id, "join");
    }

    /** Waits until the chat's access log says a handler of {@code route} for the connection returned 200. */
    private static void awaitHandledIn(ProcessOutput chat, String id, String route) throws InterruptedException {
        chat.awaitLine(Pattern.compile("connectionId=" + Pattern.quote(id) + " eventType=MESSAGE routeKey="
                + Pattern.quote(route) + " status=200 "), RunningChat.TIMEOUT);
    }

    private static String presence(String room, String event, String user) {
        return "{\"type\":\"presence\",\"room\":\"" + room + "\",\"event\":\"" + event + "\",\"user\":" + user + "}";
    }

    private static Object member(WebSocketTestClient client) {
        return Map.of("userId", "anon:" + RunningChat.connectionId(client), "name", "anonymous", "connections", 1);
    }
}
