package io.github.wschat.testkit.websocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The socket-level client against a Netty WebSocket server on loopback. */
class RawWebSocketClientTest {

    @RegisterExtension
    final LoopbackWebSocketServer server = LoopbackWebSocketServer.start();

    @Test
    void given_the_sample_key_when_the_handshake_is_accepted_then_the_answer_has_the_sample_accept_value()
            throws Exception {
        try (RawWebSocketClient raw = RawWebSocketClient.connect(server.uri("/ws?via=raw"))) {
            assertThat(raw.handshakeResponse()).startsWith("HTTP/1.1 101")
                    .contains(RawWebSocketClient.ACCEPT).endsWith("\r\n\r\n");
            server.nextHandshake();
        }
    }

    @Test
    void given_one_frame_over_the_servers_frame_limit_when_sent_then_the_server_closes_with_1009() throws Exception {
        try (RawWebSocketClient raw = RawWebSocketClient.connect(server.uri())) {
            raw.sendTextFrame("x".repeat(40 * 1024));

            assertThat(raw.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void given_a_close_frame_written_by_hand_when_sent_then_the_server_reads_its_code_and_echoes_it()
            throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(4000 >>> 8);
        payload.write(4000 & 0xFF);
        payload.writeBytes("bye now".getBytes(StandardCharsets.UTF_8));
        try (RawWebSocketClient raw = RawWebSocketClient.connect(server.uri())) {
            raw.sendBinaryFrame(new byte[300]); // echoed, then skipped by awaitClose: a 16-bit length both ways
            raw.sendFrame(true, RawWebSocketClient.OPCODE_CLOSE, payload.toByteArray());

            assertThat(raw.awaitClose()).isEqualTo(new CloseStatus(4000, "bye now"));
        }
        assertThat(server.nextEnding()).isEqualTo(new LoopbackWebSocketServer.Ending(4000, "bye now"));
    }

    @Test
    void given_an_open_connection_when_aborted_then_the_server_sees_it_end_without_a_close_frame() throws Exception {
        RawWebSocketClient raw = RawWebSocketClient.connect(server.uri());
        server.nextHandshake();

        raw.abort();

        assertThat(server.nextEnding().closeFrameReceived()).isFalse();
        assertThat(raw.socket().isClosed()).isTrue();
    }
}
