package io.github.wschat.local.runner;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
        try (LoopbackDynamoDbLocal usersDynamoDb = LoopbackDynamoDbLocal.start()) {
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

    @Test
    void the_template_gives_the_four_routes_their_handler_classes_and_the_stage() throws Exception {
        SamWebSocketTemplate template = SamWebSocketTemplate.read(Path.of("../../chat-lambda-example/template.yaml"));

        assertThat(template.stage()).isEqualTo("production");
        assertThat(template.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(template.routes()).containsExactlyInAnyOrder(
                new SamWebSocketTemplate.RouteHandler("$connect", "io.github.wschat.example.ConnectHandler", false),
                new SamWebSocketTemplate.RouteHandler("$disconnect", "io.github.wschat.example.DisconnectHandler", false),
                new SamWebSocketTemplate.RouteHandler("$default", "io.github.wschat.example.DefaultHandler", false),
                new SamWebSocketTemplate.RouteHandler("sendmessage", "io.github.wschat.example.SendMessageHandler", false));
    }

    private static List<String> tablesOf(LoopbackDynamoDbLocal dynamoDb) {
        try (DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            return client.listTables().tableNames();
        }
    }
}
