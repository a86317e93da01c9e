package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server API's port setting, and a port in use refused naming it. */
class LocalServerApiTest {

    @Test
    void the_port_is_chat_server_port_else_the_chats_plus_3_and_a_free_one_with_a_free_chat_port() {
        assertThat(LocalServerApi.port(Map.of(), 8080)).isEqualTo(8083);
        assertThat(LocalServerApi.port(Map.of(), 0)).isZero();
        assertThat(LocalServerApi.port(Map.of("CHAT_SERVER_PORT", "9000"), 8080)).isEqualTo(9000);
        assertThat(LocalServerApi.port(Map.of("CHAT_SERVER_PORT", "0"), 8080)).isZero();
        assertThat(LocalServerApi.port(Map.of("CHAT_SERVER_PORT", " "), 8080)).as("blank: unset").isEqualTo(8083);
        for (String bad : List.of("server", "-1", "65536")) {
            assertThatThrownBy(() -> LocalServerApi.port(Map.of("CHAT_SERVER_PORT", bad), 8080)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAT_SERVER_PORT");
        }
    }

    @Test
    void a_port_in_use_is_refused_naming_the_setting() throws Exception {
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LocalAuth auth = LocalAuth.start(Map.of(), 0)) {
            Map<String, String> environment = Map.of("CHAT_SERVER_PORT", Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> LocalServerApi.start(environment, 0, auth, dynamoDb.endpoint(), "connections",
                    new LocalChat.RoomTables("memberships", "messages"), URI.create("http://127.0.0.1:1/production")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHAT_SERVER_PORT")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }
}
