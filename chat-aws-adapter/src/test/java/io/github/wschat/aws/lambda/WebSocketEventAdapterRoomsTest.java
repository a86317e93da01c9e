package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageLog;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.inmemory.InMemoryRoomMembership;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.json.JsonRoomEventRenderer;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room routes through the event adapter as {@code ApiGatewayChat} wires them with rooms: realistic
 * events (the sample {@code sendmessage} event on the room's route key), chat-json's codec, the core's room
 * services, in-memory ports standing in for DynamoDB and {@code @connections}.
 */
class WebSocketEventAdapterRoomsTest {

    private static final String A = "AAAAAAAAAAAAAAA=";
    private static final String B = "BBBBBBBBBBBBBBB=";
    private static final RoomName GENERAL = RoomName.of("general");

    private final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    private final InMemoryRoomMembership membership = InMemoryRoomMembership.create();
    private final InMemoryMessageLog log = InMemoryMessageLog.create();
    private final InMemoryMessageSender sender = InMemoryMessageSender.create();
    private WebSocketEventAdapter adapter;

    @BeforeEach
    void chatWithRooms() {
        adapter = ApiGatewayChat.builder()
                .connectionStore(store)
                .messageSenders(endpoint -> sender)
                .rooms(membership, log)
                .build()
                .adapter();
        assertThat(adapter.onConnect(LambdaEvents.connect(A), null).getStatusCode()).isEqualTo(200);
        assertThat(adapter.onConnect(LambdaEvents.connect(B), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void join_publish_and_history_go_through_the_room_routes_as_protocol_events() {
        assertThat(room(A, "join", "{\"action\":\"join\",\"room\":\"general\",\"ref\":\"r1\"}")).isEqualTo(200);
        assertThat(sender.receivedBy(id(A))).containsExactly("{\"type\":\"joined\",\"room\":\"general\",\"lastSeq\":0,\"ref\":\"r1\"}");
        assertThat(room(B, "join", "{\"action\":\"join\",\"room\":\"general\"}")).isEqualTo(200);
        assertThat(sender.receivedBy(id(A))).last().asString()
                .startsWith("{\"type\":\"presence\",\"room\":\"general\",\"event\":\"join\",\"user\":{\"userId\":\"anon:" + B);

        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"m1\",\"text\":\"hi\"}"))
                .isEqualTo(200);
        assertThat(sender.receivedBy(id(A))).last().asString()
                .isEqualTo("{\"type\":\"ack\",\"room\":\"general\",\"id\":\"m1\",\"seq\":1}");
        assertThat(sender.receivedBy(id(B))).last().asString()
                .startsWith("{\"type\":\"message\",\"room\":\"general\",\"seq\":1,\"id\":\"m1\",\"from\":{\"userId\":\"anon:" + A)
                .contains("\"text\":\"hi\"");

        // the generic entry point dispatches room routes too
        assertThat(adapter.handle(event(B, "history", "{\"action\":\"history\",\"room\":\"general\"}"), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(sender.receivedBy(id(B))).last().asString()
                .startsWith("{\"type\":\"history\",\"room\":\"general\",\"messages\":[{\"type\":\"message\"")
                .contains("\"lastSeq\":1,\"more\":false,\"truncated\":false");
        assertThat(log.size(GENERAL)).isEqualTo(1);
    }

    @Test
    void a_bad_room_command_is_an_error_event_to_its_sender_only_and_a_400_with_nothing_stored() {
        room(A, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        room(B, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        int toB = sender.receivedBy(id(B)).size();

        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"bad id!\",\"text\":\"hi\",\"ref\":\"x\"}"))
                .isEqualTo(400);

        assertThat(sender.receivedBy(id(A))).last().asString()
                .startsWith("{\"type\":\"error\",\"code\":\"bad_request\",\"error\":").endsWith(",\"ref\":\"x\"}");
        assertThat(sender.receivedBy(id(B))).hasSize(toB);
        assertThat(log.size(GENERAL)).isZero();
    }

    @Test
    void a_text_within_the_limit_whose_event_would_pass_128_kb_once_escaped_is_too_large_and_not_stored() {
        room(A, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        room(B, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        int toB = sender.receivedBy(id(B)).size();
        // 32,768 bytes of text (the default limit), each written \\u0001 (6 bytes) in the message event: 196 KB. API
        // Gateway's 128 KB frame holds no such body, but the event adds the sender, seq and time to what came in,
        // and other entry points (an HTTP API) have no frame limit: the rule is checked here on the adapter
        // directly
        String controls = "\\u0001".repeat(32_768);

        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"c1\",\"text\":\""
                + controls + "\",\"ref\":\"big\"}")).isEqualTo(400);
        assertThat(sender.receivedBy(id(A))).last().asString()
                .startsWith("{\"type\":\"error\",\"code\":\"too_large\",\"error\":").endsWith(",\"ref\":\"big\"}");
        assertThat(log.size(GENERAL)).isZero();
        assertThat(sender.receivedBy(id(B))).hasSize(toB);

        // the largest plain text still goes
        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"c2\",\"text\":\""
                + "x".repeat(32_768) + "\"}")).isEqualTo(200);
        assertThat(log.size(GENERAL)).isEqualTo(1);
    }

    @Test
    void a_history_of_large_messages_answers_fewer_than_asked_in_replies_within_128_kb_and_paging_on_gets_all()
            throws Exception {
        room(A, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        for (int i = 1; i <= 10; i++) {
            // the largest text (32,768 bytes): a page of 100 such would be 3.3 MB, above API Gateway's 128 KB
            assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"big-" + i
                    + "\",\"text\":\"" + "x".repeat(32_768) + "\"}")).isEqualTo(200);
        }
        List<Long> seqs = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            assertThat(room(A, "history", "{\"action\":\"history\",\"room\":\"general\",\"after\":" + after
                    + ",\"limit\":100}")).isEqualTo(200);
            String reply = sender.receivedBy(id(A)).get(sender.receivedBy(id(A)).size() - 1);
            assertThat(reply.getBytes(StandardCharsets.UTF_8).length).as("a history reply's bytes")
                    .isLessThanOrEqualTo(PayloadLimit.API_GATEWAY.maxBytes());
            Map<String, Object> page = JSON.std.mapFrom(reply);
            List<?> messages = (List<?>) page.get("messages");
            messages.forEach(message -> seqs.add(((Number) ((Map<?, ?>) message).get("seq")).longValue()));
            pageSizes.add(messages.size());
            more = (Boolean) page.get("more");
            after = seqs.get(seqs.size() - 1);
        }

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(pageSizes).as("messages per page: as many as fit").hasSizeGreaterThan(1).first()
                .isEqualTo(PayloadLimit.API_GATEWAY.maxBytes() / (32_768 + 200));
    }

    @Test
    void a_text_whose_event_fits_but_not_alone_in_a_history_reply_is_too_large() {
        room(A, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        // control characters take 6 bytes each in JSON: the message event of this many fits 128 KB with less
        // room to spare than a history reply's envelope (its seqs and a ref of up to 64 characters) takes
        int controls = 21_760;
        String text = "\\u0001".repeat(controls);
        String event = new JsonRoomEventRenderer().message(RoomMessage.of(new NewMessage(GENERAL, MessageId.of("c1"),
                UserIdentity.anonymous(id(A)).ref(), String.valueOf((char) 1).repeat(controls), Instant.now()), 1));
        assertThat(event.length()).as("the message event's bytes").isLessThanOrEqualTo(PayloadLimit.API_GATEWAY.maxBytes())
                .isGreaterThan(PayloadLimit.API_GATEWAY.maxBytes() - 500);

        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"c1\",\"text\":\""
                + text + "\"}")).isEqualTo(400);
        assertThat(sender.receivedBy(id(A))).last().asString().startsWith("{\"type\":\"error\",\"code\":\"too_large\",");
        assertThat(log.size(GENERAL)).isZero();

        String fewer = "\\u0001".repeat(controls - 100);
        assertThat(room(A, "publish", "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"c2\",\"text\":\""
                + fewer + "\"}")).isEqualTo(200);
        assertThat(room(A, "history", "{\"action\":\"history\",\"room\":\"general\"}")).isEqualTo(200);
        assertThat(sender.receivedBy(id(A))).last().asString().startsWith("{\"type\":\"history\",")
                .hasSizeLessThanOrEqualTo(PayloadLimit.API_GATEWAY.maxBytes());
    }

    @Test
    void disconnect_takes_the_connection_out_of_its_rooms_and_tells_the_others() {
        room(A, "join", "{\"action\":\"join\",\"room\":\"general\"}");
        room(B, "join", "{\"action\":\"join\",\"room\":\"general\"}");

        assertThat(adapter.onDisconnect(LambdaEvents.disconnect(A), null).getStatusCode()).isEqualTo(200);

        assertThat(membership.roomsOf(id(A))).isEmpty();
        assertThat(store.contains(id(A))).isFalse();
        assertThat(sender.receivedBy(id(B))).last().asString()
                .startsWith("{\"type\":\"presence\",\"room\":\"general\",\"event\":\"leave\",\"user\":{\"userId\":\"anon:" + A);
    }

    @Test
    void without_rooms_the_room_routes_are_unknown_routes_as_in_the_tutorial() {
        WebSocketEventAdapter tutorial = ApiGatewayChat.builder()
                .connectionStore(store)
                .messageSenders(endpoint -> sender)
                .build()
                .adapter();

        assertThat(tutorial.onRoomRequest(event(A, "join", "{\"action\":\"join\",\"room\":\"general\"}"), null)
                .getStatusCode()).isEqualTo(400);

        assertThat(sender.receivedBy(id(A))).containsExactly("{\"error\":\"unknown route \\\"join\\\"\"}");
        assertThat(membership.roomsOf(id(A))).isEmpty();
    }

    private int room(String connection, String route, String body) {
        return adapter.onRoomRequest(event(connection, route, body), null).getStatusCode();
    }

    private static APIGatewayV2WebSocketEvent event(String connection, String route, String body) {
        APIGatewayV2WebSocketEvent event = LambdaEvents.sendMessage(connection, body);
        event.getRequestContext().setRouteKey(route);
        return event;
    }

    private static ConnectionId id(String connection) {
        return ConnectionId.of(connection);
    }
}
