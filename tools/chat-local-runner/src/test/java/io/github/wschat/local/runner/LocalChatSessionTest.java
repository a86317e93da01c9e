package io.github.wschat.local.runner;

import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's handlers, unchanged, behind the local WebSocket API, with JDK WebSocket clients:
 * the chat behaves as the deployed one does.
 */
class LocalChatSessionTest {

    @Test
    void fifty_clients_chat_and_each_message_reaches_the_49_others_exactly_once() throws Exception {
        List<WebSocketTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(RunningChat.connect());
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send(sendmessage("from client " + i));
            }

            for (int i = 0; i < clients.size(); i++) {
                List<String> received = clients.get(i).next(49);
                Set<String> expected = new HashSet<>();
                for (int j = 0; j < clients.size(); j++) {
                    if (j != i) {
                        expected.add("from client " + j);
                    }
                }
                assertThat(received).as("client %d", i).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            }

            // exactly once, not at least once: once every handler of the round has returned, no post of
            // the round can come any more, so each client's next messages must be the two markers
            for (WebSocketTestClient client : clients) {
                awaitHandled(client);
            }
            clients.get(0).send(sendmessage("end of round, says 0"));
            awaitHandled(clients.get(0));
            clients.get(1).send(sendmessage("end of round, says 1"));
            awaitHandled(clients.get(1));
            for (int i = 0; i < clients.size(); i++) {
                List<String> markers = i == 0 ? List.of("end of round, says 1")
                        : i == 1 ? List.of("end of round, says 0")
                        : List.of("end of round, says 0", "end of round, says 1");
                assertThat(clients.get(i).next(markers.size())).as("client %d after the round", i)
                        .containsExactlyElementsOf(markers);
            }
        } finally {
            clients.forEach(WebSocketTestClient::close);
        }
    }

    private static String sendmessage(String message) {
        return "{\"action\":\"sendmessage\",\"message\":\"" + message + "\"}";
    }

    /** Waits until the sendmessage handler of the client's next message has returned. */
    private static void awaitHandled(WebSocketTestClient client) throws InterruptedException {
        String id = RunningChat.connectionId(client);
        AccessLogEntry handled = RunningChat.messagesHandled(id).poll(RunningChat.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(handled).as("the sendmessage of %s handled", id).isNotNull();
        assertThat(handled.routeKey()).isEqualTo("sendmessage");
        assertThat(handled.status()).isEqualTo(200);
    }

    @Test
    void a_message_without_an_action_gets_the_default_routes_info_text() throws Exception {
        try (WebSocketTestClient client = RunningChat.connect()) {
            client.send("hi, what can I do here?");

            assertThat(client.next())
                    .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                    .contains("\"Identity\":{\"SourceIp\":\"127.0.0.1\"")
                    .endsWith("\"connectionID\":\"" + RunningChat.connectionId(client) + "\"}");
        }
    }

    @Test
    void connecting_stores_the_connection_and_a_clean_disconnect_removes_it() throws Exception {
        WebSocketTestClient client = RunningChat.connect();
        String id = RunningChat.connectionId(client);
        assertThat(RunningChat.item(id)).isNotEmpty();

        client.close();
        RunningChat.disconnectOf(id).get(30, TimeUnit.SECONDS);

        assertThat(RunningChat.item(id)).isEmpty();
    }

    @Test
    void an_abrupt_drop_fires_disconnect_and_removes_the_connection() throws Exception {
        WebSocketTestClient client = RunningChat.connect();
        String id = RunningChat.connectionId(client);
        assertThat(RunningChat.item(id)).isNotEmpty();

        client.abort();

        assertThat(RunningChat.disconnectOf(id).get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(RunningChat.item(id)).isEmpty();
    }
}
