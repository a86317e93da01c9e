package io.github.wschat.local.runner;

import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad frames against the running chat: each gets API Gateway's documented answer, the sender is
 * told what was wrong where the chat can tell it, and two other clients keep chatting throughout.
 */
class BadInputTest {

    private static final String INFO_PREFIX = "Use the sendmessage route to send a message. Your info:";

    private WebSocketTestClient alice;
    private WebSocketTestClient bob;

    @BeforeEach
    void twoBystanders() throws Exception {
        alice = RunningChat.connect();
        bob = RunningChat.connect();
    }

    @AfterEach
    void theBystandersStillChat() throws Exception {
        alice.send("{\"action\":\"sendmessage\",\"message\":\"still fine?\"}");
        assertThat(bob.next()).isEqualTo("still fine?");
        assertThat(RunningChat.item(RunningChat.connectionId(alice))).isNotEmpty();
        assertThat(RunningChat.item(RunningChat.connectionId(bob))).isNotEmpty();
        alice.close();
        bob.close();
    }

    @Test
    void a_binary_frame_closes_its_connection_with_1003_as_api_gateway_does() throws Exception {
        WebSocketTestClient sender = RunningChat.connect();

        sender.sendBinary(new byte[] {1, 2, 3});

        assertThat(sender.awaitClose().code()).isEqualTo(1003);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{not json", "{\"action\":\"shout\",\"message\":\"hi\"}", "[1,2,3]"})
    void invalid_json_or_an_unknown_action_goes_to_default_which_answers_with_the_info_text(String text) throws Exception {
        try (WebSocketTestClient sender = RunningChat.connect()) {
            sender.send(text);

            assertThat(sender.next()).startsWith(INFO_PREFIX);
        }
    }

    @Test
    void a_sendmessage_without_a_message_is_answered_with_the_error() throws Exception {
        try (WebSocketTestClient sender = RunningChat.connect()) {
            sender.send("{\"action\":\"sendmessage\"}");

            assertThat(sender.next()).isEqualTo("{\"error\":\"body has no \\\"message\\\" field\"}");
        }
    }

    @Test
    void a_sendmessage_with_a_non_string_message_is_answered_with_the_error() throws Exception {
        try (WebSocketTestClient sender = RunningChat.connect()) {
            sender.send("{\"action\":\"sendmessage\",\"message\":{\"text\":\"hi\"}}");

            assertThat(sender.next()).isEqualTo("{\"error\":\"\\\"message\\\" must be a string, was an object\"}");
        }
    }

    @Test
    void a_200_kb_message_closes_its_connection_with_1009() throws Exception {
        assertThat(closeCodeAfterSending(200 * 1024)).isEqualTo(1009);
    }

    @Test
    void a_2_mb_message_closes_its_connection_with_1009() throws Exception {
        // the server closes with 1009 once 128 KB have arrived; a client still writing its 2 MB may see
        // the TCP reset (1006) before that close frame
        assertThat(closeCodeAfterSending(2 * 1024 * 1024)).isIn(1009, 1006);
    }

    /** Sends a sendmessage of {@code size} bytes; checks the connection ended with 1009 and its item is gone. */
    private static int closeCodeAfterSending(int size) throws Exception {
        WebSocketTestClient sender = RunningChat.connect();
        String id = RunningChat.connectionId(sender);
        String body = "{\"action\":\"sendmessage\",\"message\":\"" + "x".repeat(size) + "\"}";

        try {
            sender.send(body);
        } catch (IOException closedWhileSending) {
            // the server may close before the client has written the whole message: that is the answer too
        }

        int code = sender.awaitClose().code();
        assertThat(RunningChat.disconnectOf(id).get(30, TimeUnit.SECONDS)
                .disconnectStatusCode()).isEqualTo(1009);
        assertThat(RunningChat.item(id)).isEmpty();
        return code;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a/b", "..", "../x", "%2F..%2Fx", "x%2Fy"})
    void a_connection_id_that_could_bend_the_path_gets_400_from_connections(String id) throws Exception {
        String path = RunningChat.CHAT.connectionsEndpoint().getPath() + "/@connections/" + id;

        assertThat(rawPost(path, "hi")).startsWith("HTTP/1.1 400");
    }

    /** A POST written by hand: HTTP clients normalise {@code ..} and encoded slashes away. */
    private static String rawPost(String path, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RunningChat.CHAT.connectionsEndpoint().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] data = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + data.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
