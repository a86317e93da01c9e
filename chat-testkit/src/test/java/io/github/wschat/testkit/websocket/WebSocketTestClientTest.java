package io.github.wschat.testkit.websocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The JDK-based test client against a Netty WebSocket server on loopback: real sockets, real frames. */
class WebSocketTestClientTest {

    @RegisterExtension
    final LoopbackWebSocketServer server = LoopbackWebSocketServer.start();

    @Test
    void given_headers_and_subprotocols_when_connecting_then_the_server_sees_them_and_the_client_its_choice()
            throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.builder(server.uri("/ws?room=a"))
                .header("User-Agent", "wscat/6.1.0")
                .subprotocols("chat.v1", "chat.v2")
                .connect()) {
            LoopbackWebSocketServer.Handshake handshake = server.nextHandshake();
            assertThat(handshake.headers()).containsEntry("User-Agent", "wscat/6.1.0")
                    .containsEntry("Sec-WebSocket-Protocol", "chat.v1, chat.v2");
            assertThat(handshake.subprotocol()).isEqualTo("chat.v2");
            assertThat(client.subprotocol()).isEqualTo("chat.v2");
            assertThat(client.timeout()).isEqualTo(WebSocketTestClient.DEFAULT_TIMEOUT);
        }
    }

    @Test
    void given_texts_when_sent_then_their_echoes_come_in_order_and_a_long_one_whole() throws Exception {
        String longText = "y".repeat(100 * 1024); // one server frame, handed to the listener in parts
        try (WebSocketTestClient client = WebSocketTestClient.connect(server.uri())) {
            client.send("one");
            client.sendAsync("two").get(10, TimeUnit.SECONDS);
            client.send(longText);

            assertThat(client.next(2)).containsExactly("one", "two");
            assertThat(client.next()).isEqualTo(longText);
            assertThat(client.pending()).isEmpty();
        }
    }

    @Test
    void given_a_message_in_frames_when_sent_then_the_server_gets_one_message() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(server.uri())) {
            client.sendInFrames(List.of("a".repeat(20_000), "b".repeat(20_000), "c"));
            client.sendInFramesAsync(List.of("x", "y")).get(10, TimeUnit.SECONDS);

            assertThat(client.next()).hasSize(40_001).startsWith("aaa").endsWith("bbbc");
            assertThat(client.next()).isEqualTo("xy");
        }
    }

    @Test
    void given_binary_data_when_sent_then_the_echo_is_a_binary_message_and_next_refuses_it() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(server.uri())) {
            client.sendBinary(new byte[] {1, 2, 3, (byte) 0xff});
            client.sendBinaryAsync(new byte[] {9}).get(10, TimeUnit.SECONDS);

            assertThat(client.nextBinary()).containsExactly(1, 2, 3, 0xff);
            assertThat(client.nextMessage()).isEqualTo(new WebSocketMessage.Binary(new byte[] {9}));
            client.sendBinary(new byte[] {7});
            assertThatThrownBy(client::next).isInstanceOf(AssertionError.class).hasMessageContaining("text message");
        }
    }

    @Test
    void given_the_server_closes_with_a_code_when_the_client_waits_then_it_sees_that_code_and_reason()
            throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(server.uri());
        client.send("close 4001 room closed");

        assertThat(client.awaitClose()).isEqualTo(new CloseStatus(4001, "room closed"));
        assertThat(client.isClosed()).isTrue();
        assertThat(server.nextEnding().clientCloseCode()).as("the JDK client's answer").isEqualTo(4001);
        client.close(); // closed already: returns at once
    }

    @Test
    void given_a_client_when_it_closes_then_the_server_gets_1000_and_the_client_the_echo() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(server.uri());

        client.close();

        assertThat(server.nextEnding()).isEqualTo(new LoopbackWebSocketServer.Ending(1000, "bye"));
        assertThat(client.awaitClose()).isEqualTo(new CloseStatus(CloseStatus.NORMAL_CLOSURE, "bye"));
    }

    @Test
    void given_a_client_when_it_sends_a_close_code_then_the_server_gets_it() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(server.uri());

        client.sendClose(4000, "leaving the room");

        assertThat(server.nextEnding()).isEqualTo(new LoopbackWebSocketServer.Ending(4000, "leaving the room"));
        assertThat(client.awaitClose().code()).isEqualTo(4000);
    }

    @Test
    void given_a_client_when_it_aborts_then_the_server_sees_no_close_frame_and_the_client_1006() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(server.uri());
        server.nextHandshake();

        client.abort();

        assertThat(server.nextEnding().closeFrameReceived()).isFalse();
        assertThat(client.awaitClose().code()).isEqualTo(CloseStatus.ABNORMAL_CLOSURE);
    }

    @Test
    void given_a_server_that_drops_the_connection_when_the_client_waits_then_it_sees_1006() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(server.uri())) {
            client.send("x".repeat(LoopbackWebSocketServer.MAX_FRAME_BYTES + 1)); // JDK frames: 16 KB, aggregated
            assertThat(client.next()).hasSize(LoopbackWebSocketServer.MAX_FRAME_BYTES + 1);

            server.close();

            // the server's side first: when this holds and the client's wait fails, the client missed the drop
            assertThat(server.nextEnding().closeFrameReceived()).as("the server dropped it without a close frame").isFalse();
            assertThat(client.awaitClose().code()).isEqualTo(CloseStatus.ABNORMAL_CLOSURE);
        }
    }

    @Test
    void given_no_message_when_the_client_waits_then_it_fails_after_its_timeout_and_poll_gives_nothing()
            throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.builder(server.uri())
                .timeout(Duration.ofMillis(200)).connect()) {
            assertThatThrownBy(client::next).isInstanceOf(AssertionError.class).hasMessageContaining("no message within");
            assertThat(client.poll(Duration.ofMillis(50))).isEmpty();
            assertThatThrownBy(client::awaitClose).isInstanceOf(AssertionError.class);
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void given_a_refused_handshake_when_connecting_then_the_failure_has_the_status() throws Exception {
        Throwable attempt = catchThrowable(() -> WebSocketTestClient.builder(server.uri("/elsewhere"))
                .connectAsync().get(10, TimeUnit.SECONDS));
        Throwable connect = catchThrowable(() -> WebSocketTestClient.connect(server.uri("/elsewhere")));

        assertThat(attempt).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) attempt.getCause()).getResponse().statusCode()).isEqualTo(403);
        assertThat(connect).isInstanceOf(WebSocketHandshakeException.class);
    }
}
