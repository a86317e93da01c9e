package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's settings: a DynamoDB of the user's, the table name, a free port, the banner. */
class LocalChatSettingsTest {

    private static final List<String> SDK_PROPERTIES = List.of(
            LocalChat.DYNAMODB_ENDPOINT_PROPERTY, LocalChat.CONNECTIONS_ENDPOINT_PROPERTY);

    @Test
    void a_configured_dynamodb_is_used_and_its_missing_table_created_and_a_free_port_is_printed() throws Exception {
        Map<String, String> previous = new HashMap<>();
        SDK_PROPERTIES.forEach(name -> previous.put(name, System.getProperty(name)));
        try (DynamoDbLocalServer usersDynamoDb = DynamoDbLocalServer.start()) {
            LocalChat chat = LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"), Map.of(
                    "CHAT_PORT", "0",
                    "TABLE_NAME", "my-chat-connections",
                    "AWS_ENDPOINT_URL_DYNAMODB", usersDynamoDb.endpoint().toString()));
            try {
                ByteArrayOutputStream banner = new ByteArrayOutputStream();
                chat.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));

                assertThat(chat.dynamoDbEndpoint()).isEqualTo(usersDynamoDb.endpoint());
                assertThat(tablesOf(usersDynamoDb)).containsExactly("my-chat-connections");
                assertThat(chat.webSocketUri().getPort()).isPositive();
                assertThat(banner.toString(StandardCharsets.UTF_8))
                        .contains("table:       my-chat-connections on " + usersDynamoDb.endpoint())
                        .contains("Ready: ws://127.0.0.1:" + chat.webSocketUri().getPort() + "/production");
            } finally {
                chat.close();
            }
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @Test
    void without_a_table_name_it_refuses_to_start_since_the_handlers_would_have_none() {
        assertThatThrownBy(() -> LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"),
                Map.of("CHAT_PORT", "0", "TABLE_NAME", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TABLE_NAME is not set");
    }

    private static List<String> tablesOf(DynamoDbLocalServer dynamoDb) {
        try (DynamoDbClient client = DynamoDbLocalClients.builder(dynamoDb.endpoint()).region(Region.US_EAST_1).build()) {
            return client.listTables().tableNames();
        }
    }
}
