package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's settings: a DynamoDB of the user's, the table name, a free port, the banner, the page's config. */
class LocalChatSettingsTest {

    private static final List<String> SDK_PROPERTIES = List.of(
            LocalChat.DYNAMODB_ENDPOINT_PROPERTY, LocalChat.CONNECTIONS_ENDPOINT_PROPERTY);

    @Test
    void a_configured_dynamodb_is_used_and_its_missing_table_created_and_a_free_port_is_printed() throws Exception {
        restoringSdkProperties(() -> {
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
                            .contains("page:        http://127.0.0.1:" + chat.webPageUri().getPort() + "/")
                            .contains("Ready: ws://127.0.0.1:" + chat.webSocketUri().getPort() + "/production");
                    assertThat(chat.webPageUri().getPort()).isPositive().isNotEqualTo(chat.webSocketUri().getPort());
                    assertThat(configOf(chat)).as("the page's config.json: anonymous, without a token URL")
                            .isEqualTo(Map.of("webSocketUrl", chat.webSocketUri().toString()));
                } finally {
                    chat.close();
                }
            }
        });
    }

    @Test
    void with_both_room_tables_named_they_are_created_as_the_adapters_define_them_with_ttl_and_printed() throws Exception {
        restoringSdkProperties(() -> {
            try (DynamoDbLocalServer usersDynamoDb = DynamoDbLocalServer.start();
                 LocalChat chat = LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"), Map.of(
                         "CHAT_PORT", "0", "TABLE_NAME", "conns", "MEMBERSHIPS_TABLE_NAME", "members", "MESSAGES_TABLE_NAME", "msgs",
                         "AWS_ENDPOINT_URL_DYNAMODB", usersDynamoDb.endpoint().toString()));
                 DynamoDbClient client = DynamoDbLocalClients.builder(usersDynamoDb.endpoint()).region(Region.US_EAST_1).build()) {
                ByteArrayOutputStream banner = new ByteArrayOutputStream();
                chat.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));

                assertThat(client.listTables().tableNames()).containsExactlyInAnyOrder("conns", "members", "msgs");
                TableDescription memberships = client.describeTable(d -> d.tableName("members")).table();
                assertThat(memberships.keySchema()).isEqualTo(DynamoDbRoomMembership.tableDefinition("members").keySchema());
                assertThat(memberships.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                        .containsExactly(DynamoDbRoomMembership.CONNECTION_INDEX);
                assertThat(memberships.localSecondaryIndexes()).extracting(LocalSecondaryIndexDescription::indexName)
                        .containsExactly(DynamoDbRoomMembership.USER_INDEX);
                assertThat(client.describeTable(d -> d.tableName("msgs")).table().keySchema())
                        .isEqualTo(DynamoDbMessageLog.tableDefinition("msgs").keySchema());
                for (String table : List.of("members", "msgs")) {
                    assertThat(client.describeTimeToLive(d -> d.tableName(table)).timeToLiveDescription().attributeName())
                            .isEqualTo("ttl");
                }
                assertThat(chat.roomTables()).contains(new LocalChat.RoomTables("members", "msgs"));
                assertThat(banner.toString(StandardCharsets.UTF_8)).contains("rooms:       tables members (memberships) and msgs (messages)");
            }
        });
    }

    @Test
    void one_room_table_without_the_other_is_refused_as_the_handlers_refuse_it() {
        assertThatThrownBy(() -> LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"),
                Map.of("CHAT_PORT", "0", "TABLE_NAME", "t", "MEMBERSHIPS_TABLE_NAME", "m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MEMBERSHIPS_TABLE_NAME and MESSAGES_TABLE_NAME");
        assertThat(LocalChat.roomTables(Map.of("MEMBERSHIPS_TABLE_NAME", " ", "MESSAGES_TABLE_NAME", ""))).isEmpty();
    }

    @Test
    void without_a_table_name_it_refuses_to_start_since_the_handlers_would_have_none() {
        assertThatThrownBy(() -> LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"),
                Map.of("CHAT_PORT", "0", "TABLE_NAME", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TABLE_NAME is not set");
    }

    @Test
    void an_unknown_chat_auth_or_dev_beside_an_issuer_is_refused_saying_what_to_set() {
        assertThatThrownBy(() -> LocalAuth.check(Map.of("CHAT_AUTH", "on")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHAT_AUTH is dev").hasMessageContaining("AUTH_ISSUER and AUTH_AUDIENCE");
        assertThatThrownBy(() -> LocalAuth.check(Map.of("CHAT_AUTH", "dev", "AUTH_ISSUER", "https://issuer.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHAT_AUTH=dev runs its own issuer");
        LocalAuth.check(Map.of("CHAT_AUTH", "dev"));
        LocalAuth.check(Map.of("AUTH_ISSUER", "https://issuer.example.org", "AUTH_AUDIENCE", "app"));
        LocalAuth.check(Map.of());
    }

    @Test
    void asking_for_authorization_of_a_template_without_an_authorizer_is_refused_and_starts_nothing(@TempDir Path dir)
            throws Exception {
        Path tutorialOnly = dir.resolve("template.yaml");
        Files.writeString(tutorialOnly, """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: "$request.body.action"}
                  Stage:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties: {StageName: production, ApiId: {Ref: Api}}
                """);

        assertThatThrownBy(() -> LocalChat.start(tutorialOnly, Map.of("CHAT_PORT", "0", "TABLE_NAME", "t",
                "CHAT_AUTH", "dev")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AuthIssuer");
        assertThat(System.getProperty(LocalAuth.AUTH_ISSUER)).as("no setting left for the handlers").isNull();
    }

    @Test
    void with_chat_auth_dev_the_banner_says_how_to_get_a_token_and_connect_with_it() throws Exception {
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             LocalChat chat = LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"), Map.of(
                     "CHAT_PORT", "0", "TABLE_NAME", "banner-test", "CHAT_AUTH", "dev",
                     "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString()))) {
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            chat.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));
            URI issuer = chat.devIssuer().orElseThrow().issuer();

            assertThat(System.getProperty(LocalAuth.AUTH_ISSUER)).isEqualTo(issuer.toString());
            assertThat(banner.toString(StandardCharsets.UTF_8))
                    .contains("auth:        a development issuer at " + issuer + " (CHAT_AUTH=dev)")
                    .contains("get a token: curl \"" + issuer + "/dev/token?user=alice&name=Alice\"")
                    .contains("connect with: npx wscat -c \"" + chat.webSocketUri() + "?token=$(curl -s '" + issuer
                            + "/dev/token?user=alice&name=Alice')\"")
                    .contains("page:        " + chat.webPageUri());
            assertThat(configOf(chat)).as("the page's config.json").isEqualTo(Map.of(
                    "webSocketUrl", chat.webSocketUri().toString(), "devTokenUrl", issuer + "/dev/token"));
        }
        assertThat(System.getProperty(LocalAuth.AUTH_ISSUER)).as("cleared on close").isNull();
    }

    private static Map<String, Object> configOf(LocalChat chat) throws Exception {
        HttpResponse<String> config = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(chat.webPageUri().resolve("/config.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        return JSON.std.mapFrom(config.body());
    }

    private static List<String> tablesOf(DynamoDbLocalServer dynamoDb) {
        try (DynamoDbClient client = DynamoDbLocalClients.builder(dynamoDb.endpoint()).region(Region.US_EAST_1).build()) {
            return client.listTables().tableNames();
        }
    }

    /** Runs {@code body}, then sets the SDK's endpoint properties back: {@link LocalChat#start} sets them for its handlers. */
    private static void restoringSdkProperties(Body body) throws Exception {
        Map<String, String> previous = new HashMap<>();
        SDK_PROPERTIES.forEach(name -> previous.put(name, System.getProperty(name)));
        try {
            body.run();
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

    private interface Body {
        void run() throws Exception;
    }
}
