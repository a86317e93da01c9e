package io.github.wschat.local.runner;

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
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(ChatClient.connect());
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send("{\"action\":\"sendmessage\",\"message\":\"from client " + i + "\"}");
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
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    @Test
    void a_message_without_an_action_gets_the_default_routes_info_text() throws Exception {
        try (ChatClient client = ChatClient.connect()) {
            client.send("hi, what can I do here?");

            assertThat(client.next())
                    .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                    .contains("\"Identity\":{\"SourceIp\":\"127.0.0.1\"")
                    .endsWith("\"connectionID\":\"" + client.connectionId + "\"}");
        }
    }

    @Test
    void connecting_stores_the_connection_and_a_clean_disconnect_removes_it() throws Exception {
        ChatClient client = ChatClient.connect();
        assertThat(RunningChat.item(client.connectionId)).isNotEmpty();

        client.close();
        RunningChat.disconnectOf(client.connectionId).get(30, TimeUnit.SECONDS);

        assertThat(RunningChat.item(client.connectionId)).isEmpty();
    }

    @Test
    void an_abrupt_drop_fires_disconnect_and_removes_the_connection() throws Exception {
        ChatClient client = ChatClient.connect();
        assertThat(RunningChat.item(client.connectionId)).isNotEmpty();

        client.abort();

        assertThat(RunningChat.disconnectOf(client.connectionId).get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(RunningChat.item(client.connectionId)).isEmpty();
    }
}
