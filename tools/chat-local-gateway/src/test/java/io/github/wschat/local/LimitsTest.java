package io.github.wschat.local;

import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.CloseStatus;
import io.github.wschat.testkit.websocket.RawWebSocketClient;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API Gateway's frame and message limits (32 KB frames reassembled into messages of up to 128 KB; bigger
 * closes with 1009) and its refusal of binary frames (1003): the offender is closed and gets its
 * {@code $disconnect}, other clients are unaffected and the server keeps serving.
 */
class LimitsTest {

    private static final int KB = 1024;

    private final RecordingHandler echo = RecordingHandler.with((event, context) ->
            RecordingHandler.response(200, "length=" + event.getBody().length()));
    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    /** The gateway's own record of each connection's end: the close code it sent or received. */
    private final BlockingQueue<AccessLogEntry> disconnects = new LinkedBlockingQueue<>();
    private LocalWebSocketApi api;
    private WebSocketTestClient bystander;

    @BeforeEach
    void start() throws Exception {
        api = LocalWebSocketApi.builder()
                .twoWayRoute("$default", echo)
                .route("$connect", connect)
                .route("$disconnect", disconnect)
                .accessLogListener(entry -> {
                    if ("DISCONNECT".equals(entry.eventType())) {
                        disconnects.add(entry);
                    }
                })
                .start();
        bystander = WebSocketTestClient.connect(api.webSocketUri());
        connect.next();
    }

    @AfterEach
    void stop() {
        bystander.close();
        api.close();
    }

    @Test
    void given_a_100_kb_message_in_25_kb_frames_when_sent_then_it_is_reassembled_and_handled_whole() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.sendInFrames(List.of(repeat('a', 25 * KB), repeat('b', 25 * KB), repeat('c', 25 * KB),
                    repeat('d', 25 * KB)));
            assertThat(client.next()).isEqualTo("length=" + 100 * KB);
            String body = echo.next().getBody();
            assertThat(body).startsWith("aaa").endsWith("ddd").hasSize(100 * KB);
        }
    }

    @Test
    void given_a_message_of_exactly_128_kb_in_32_kb_frames_when_sent_then_it_is_accepted() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.sendInFrames(List.of(repeat('x', 32 * KB), repeat('x', 32 * KB), repeat('x', 32 * KB),
                    repeat('x', 32 * KB)));
            assertThat(client.next()).isEqualTo("length=" + 128 * KB);
        }
    }

    @Test
    void given_a_200_kb_message_when_sent_then_the_client_is_closed_with_1009_and_others_go_on()
            throws Exception {
        assertClosedWith1009(client -> client.sendAsync(repeat('x', 200 * KB)));
    }

    @Test
    void given_a_40_kb_message_in_one_frame_when_sent_then_the_32_kb_frame_limit_closes_it_with_1009()
            throws Exception {
        // under the 128 KB message limit: only the frame limit refuses it. Written by hand, since the JDK
        // client cuts text into 16 KB frames.
        String id;
        try (RawWebSocketClient offender = RawWebSocketClient.connect(api.webSocketUri())) {
            assertThat(offender.handshakeResponse()).startsWith("HTTP/1.1 101");
            id = newConnectionId();

            offender.sendTextFrame(repeat('x', 40 * KB));

            assertThat(offender.awaitClose().code()).isEqualTo(1009);
        }
        // the client closed its socket once it had the close frame, as a client does
        assertThat(disconnect.nextFor(id).getRequestContext().getEventType()).isEqualTo("DISCONNECT");
        assertServerClosedWith1009(id);
        assertThat(echo.callCount()).isZero();
        assertBystanderServed();
    }

    @Test
    void given_a_2_mb_message_when_sent_then_the_client_is_closed_with_1009_and_others_go_on() throws Exception {
        assertClosedWith1009(client -> client.sendAsync(repeat('x', 2048 * KB)));
    }

    @Test
    void given_a_200_kb_message_in_32_kb_frames_when_sent_then_the_reassembly_stops_at_128_kb_with_1009()
            throws Exception {
        assertClosedWith1009(client -> {
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                frames.add(repeat('x', 32 * KB));
            }
            frames.add(repeat('x', 8 * KB));
            // the server may close before the last frames: do not wait for their sends
            client.sendInFramesAsync(frames);
        });
    }

    @Test
    void given_a_binary_frame_when_sent_then_the_client_is_closed_with_1003_as_api_gateway_does() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = newConnectionId();
        client.sendBinaryAsync(new byte[] {1, 2, 3});

        CloseStatus status = client.awaitClose();
        assertThat(status.code()).isEqualTo(1003);
        assertThat(disconnect.nextFor(id).getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(echo.callCount()).isZero();
        assertBystanderServed();
    }

    @Test
    void given_binary_frames_are_accepted_when_one_is_sent_then_default_gets_it_base64_encoded() throws Exception {
        RecordingHandler binary = RecordingHandler.with((event, context) -> {
            var response = RecordingHandler.response(200, Base64.getEncoder().encodeToString(new byte[] {9, 8}));
            response.setIsBase64Encoded(true);
            return response;
        });
        try (LocalWebSocketApi lenient = LocalWebSocketApi.builder()
                .acceptBinaryFrames(true)
                .twoWayRoute("$default", binary)
                .start();
             WebSocketTestClient client = WebSocketTestClient.connect(lenient.webSocketUri())) {
            client.sendBinary(new byte[] {1, 2, 3, (byte) 0xff});

            var event = binary.next();
            assertThat(event.isIsBase64Encoded()).isTrue();
            assertThat(Base64.getDecoder().decode(event.getBody())).containsExactly(1, 2, 3, 0xff);
            assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
            // a base64-encoded two-way answer goes back as a binary frame
            assertThat(client.nextBinary()).containsExactly(9, 8);
        }
    }

    @Test
    void given_a_post_bigger_than_a_frame_when_sent_to_a_client_then_it_arrives_whole_in_several_frames()
            throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            String id = newConnectionId();
            client.send("ready");
            assertThat(client.next()).isEqualTo("length=5");
            String data = repeat('z', 100 * KB);
            assertThat(new ConnectionsClient(api.connectionsEndpoint()).post(id, data).statusCode()).isEqualTo(200);
            assertThat(client.next()).isEqualTo(data);
        }
    }

    private interface Offence {
        void commit(WebSocketTestClient client) throws Exception;
    }

    private void assertClosedWith1009(Offence offence) throws Exception {
        WebSocketTestClient offender = WebSocketTestClient.connect(api.webSocketUri());
        String id = newConnectionId();
        offence.commit(offender);

        // the server waits for the client's close frame before it closes the TCP connection, so a client
        // still writing the refused message reads the close frame instead of a reset
        assertThat(offender.awaitClose().code()).isEqualTo(1009);
        assertThat(disconnect.nextFor(id).getRequestContext().getEventType()).isEqualTo("DISCONNECT");
        assertServerClosedWith1009(id);
        assertThat(echo.callCount()).isZero();
        assertBystanderServed();
        try (WebSocketTestClient newcomer = WebSocketTestClient.connect(api.webSocketUri())) {
            newcomer.send("new");
            assertThat(newcomer.next()).isEqualTo("length=3");
        }
    }

    private void assertServerClosedWith1009(String id) throws InterruptedException {
        AccessLogEntry entry = disconnects.poll(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(entry).as("the DISCONNECT access log entry").isNotNull();
        assertThat(entry.connectionId()).isEqualTo(id);
        assertThat(entry.disconnectStatusCode()).isEqualTo(1009);
    }

    private void assertBystanderServed() throws Exception {
        bystander.send("still here");
        assertThat(bystander.next()).isEqualTo("length=10");
        assertThat(bystander.isClosed()).isFalse();
    }

    /** The id of the connection just opened, from its {@code $connect} event. */
    private String newConnectionId() throws InterruptedException {
        return connect.next().getRequestContext().getConnectionId();
    }

    private static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }
}
