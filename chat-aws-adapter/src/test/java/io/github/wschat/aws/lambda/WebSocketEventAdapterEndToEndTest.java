package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.Level;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.defaultMessage;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events through the event adapter to DynamoDB Local (a loopback server) and the loopback
 * {@code @connections} API, with the real SDK clients: the tutorial's session, every bad input, and
 * that no message body is logged at INFO or above.
 */
class WebSocketEventAdapterEndToEndTest {

    /** 129 KiB: more than API Gateway's 128 KiB message. */
    private static final String OVERSIZED_TEXT = "x".repeat(129 * 1024);

    private static DynamoDbLocalServer dynamoDbServer;
    private static DynamoDbClient dynamoDb;
    private static LoopbackConnectionsApi connectionsApi;
    private static ApiGatewayMessageSenders senders;

    private String table;
    private WebSocketEventAdapter adapter;
    private ConnectionId a;
    private ConnectionId b;

    @BeforeAll
    static void startEngines() throws Exception {
        dynamoDbServer = DynamoDbLocalServer.start();
        dynamoDb = dynamoDbServer.newClient();
        connectionsApi = LoopbackConnectionsApi.start();
        senders = ApiGatewayMessageSenders.builder()
                .senderSettings(sender -> sender.region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))))
                .build();
    }

    @AfterAll
    static void stopEngines() {
        senders.close();
        connectionsApi.close();
        dynamoDbServer.close();
    }

    @BeforeEach
    void newTableAndSession() {
        table = DynamoDbTables.createConnectionsTable(dynamoDb);
        adapter = ApiGatewayChat.builder()
                .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName(table).build())
                .messageSenders(senders::forEndpoint)
                .adapter(events -> events.endpoint(connectionsApi.endpoint()))
                .build()
                .adapter();
        a = ConnectionId.of(connectionsApi.connect("A" + table.replace("-", "")));
        b = ConnectionId.of(connectionsApi.connect("B" + table.replace("-", "")));
        assertThat(adapter.handle(connect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(adapter.handle(connect(b.value()), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void the_tutorials_session() {
        assertThat(item(a)).containsEntry("userAgent", AttributeValue.fromS("wscat/6.1.0"))
                .as("authorization off: the connection's anonymous user")
                .containsEntry("userId", AttributeValue.fromS("anon:" + a.value()))
                .containsEntry("userName", AttributeValue.fromS("anonymous"))
                .doesNotContainKey("rooms");

        assertThat(adapter.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b.value())).containsExactly("hello, everyone!");
        assertThat(connectionsApi.receivedBy(a.value())).isEmpty();

        assertThat(adapter.handle(defaultMessage(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a.value())).singleElement().asString()
                .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                .contains("\"Identity\":{\"SourceIp\":")
                .endsWith("\"connectionID\":\"" + a.value() + "\"}");

        assertThat(adapter.handle(disconnect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(item(a)).isEmpty();
        assertThat(item(b)).isNotEmpty();
    }

    @Test
    void a_connect_event_with_an_authorizer_context_stores_the_users_id_name_and_grants_and_the_tutorial_still_holds() {
        ConnectionId alice = ConnectionId.of(connectionsApi.connect("C" + table.replace("-", "")));
        String authorizer = "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"name\":\"Alice\","
                + "\"rooms\":\"private-team-*,lobby\",\"integrationLatency\":42}";

        APIGatewayV2WebSocketResponse connected = adapter.handle(
                LambdaEvents.authorized("connect.json", alice.value(), authorizer), null);
        APIGatewayV2WebSocketResponse sent = adapter.handle(
                LambdaEvents.authorized("message-sendmessage.json", alice.value(), authorizer), null);

        assertThat(connected.getStatusCode()).isEqualTo(200);
        assertThat(item(alice))
                .containsEntry(DynamoDbConnectionStore.USER_ID, AttributeValue.fromS("user-1"))
                .containsEntry(DynamoDbConnectionStore.USER_NAME, AttributeValue.fromS("Alice"))
                .containsEntry(DynamoDbConnectionStore.ROOMS, AttributeValue.fromL(List.of(
                        AttributeValue.fromS("private-team-*"), AttributeValue.fromS("lobby"))));
        assertThat(sent.getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a.value())).containsExactly("hello, everyone!");
        assertThat(connectionsApi.receivedBy(b.value())).containsExactly("hello, everyone!");
    }

    @Test
    void a_connect_event_whose_authorizer_context_is_not_a_user_is_refused_and_stores_nothing() {
        ConnectionId refused = ConnectionId.of(connectionsApi.connect("D" + table.replace("-", "")));

        APIGatewayV2WebSocketResponse response = adapter.handle(LambdaEvents.authorized("connect.json", refused.value(),
                "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"rooms\":\"lobby,,x\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(item(refused)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hi, what can I do here?|body is not valid JSON: send {\\\"action\\\":\\\"sendmessage\\\",\\\"message\\\":\\\"…\\\"}",
            "{\"action\":\"sendmessage\"}|body has no \\\"message\\\" field",
            "{\"action\":\"sendmessage\",\"message\":42}|\\\"message\\\" must be a string, was a number",
            "{\"action\":\"sendmessage\",\"message\":\"\"}|message is empty",
            "OVERSIZED|message is 132096 bytes, more than the limit of 131072 bytes",
            "BINARY|body is binary data: send a JSON text message"})
    void bad_input_gets_a_json_error_naming_what_is_wrong_and_400_and_nothing_is_broadcast(String body, String error) {
        APIGatewayV2WebSocketResponse response = adapter.handle(badInput(body), null);

        String expected = "{\"error\":\"" + error + "\"}";
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo(expected);
        assertThat(connectionsApi.receivedBy(a.value())).containsExactly(expected);
        assertThat(connectionsApi.receivedBy(b.value())).isEmpty();
        assertThat(item(a)).isNotEmpty();
        assertThat(item(b)).isNotEmpty();
    }

    @Test
    void no_log_record_at_info_or_above_holds_a_message_body_in_the_tutorials_session_nor_in_bad_input() {
        String marker = "body-marker-" + UUID.randomUUID();
        List<APIGatewayV2WebSocketEvent> events = List.of(
                sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":\"hello, " + marker + "\"}"),
                withBody(defaultMessage(a.value()), "hi, what can I do here? " + marker),
                sendMessage(a.value(), "hi, " + marker),
                sendMessage(a.value(), "{\"action\":\"sendmessage\",\"note\":\"" + marker + "\"}"),
                sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":42,\"note\":\"" + marker + "\"}"),
                sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":\"\",\"note\":\"" + marker + "\"}"),
                sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":\"" + marker + OVERSIZED_TEXT + "\"}"),
                binary(sendMessage(a.value()), (marker + "\u00c3(").getBytes(StandardCharsets.ISO_8859_1)),
                withRoute(sendMessage(a.value(), "{\"action\":\"shout\",\"message\":\"" + marker + "\"}"), "shout"),
                disconnect(a.value()));
        List<String> bodies = events.stream().map(APIGatewayV2WebSocketEvent::getBody).filter(Objects::nonNull).toList();

        List<LogCapture.LogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            events.forEach(event -> adapter.handle(event, null));
            logged = log.recordsAtLeast(Level.INFO);
        }

        assertThat(connectionsApi.receivedBy(b.value())).as("the session ran").containsExactly("hello, " + marker);
        assertThat(connectionsApi.receivedBy(a.value())).as("every bad input was answered").hasSize(8);
        assertThat(logged).as("the broadcast and the refusals are logged at INFO").hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(record -> {
                    assertThat(record.text()).doesNotContain(marker);
                    bodies.forEach(body -> assertThat(record.text()).doesNotContain(body));
                });
    }

    @Test
    void a_store_that_cannot_be_reached_answers_500() {
        dynamoDb.deleteTable(delete -> delete.tableName(table));

        assertThat(adapter.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(adapter.handle(connect("Cnew"), null).getStatusCode()).isEqualTo(500);
        assertThat(connectionsApi.receivedBy(b.value())).isEmpty();
    }

    /** The send-message event with this body, or the one named: an oversized message, or binary data. */
    private APIGatewayV2WebSocketEvent badInput(String body) {
        return switch (body) {
            case "OVERSIZED" -> sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":\"" + OVERSIZED_TEXT + "\"}");
            case "BINARY" -> binary(sendMessage(a.value()), new byte[] {(byte) 0xc3, 0x28});
            default -> sendMessage(a.value(), body);
        };
    }

    /** The event with these bytes as its body, base64-encoded as API Gateway passes binary frames. */
    private static APIGatewayV2WebSocketEvent binary(APIGatewayV2WebSocketEvent event, byte[] bytes) {
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        return event;
    }

    private static APIGatewayV2WebSocketEvent withBody(APIGatewayV2WebSocketEvent event, String body) {
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2WebSocketEvent withRoute(APIGatewayV2WebSocketEvent event, String routeKey) {
        event.getRequestContext().setRouteKey(routeKey);
        return event;
    }

    private Map<String, AttributeValue> item(ConnectionId id) {
        return dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(DynamoDbConnectionStore.CONNECTION_ID, AttributeValue.fromS(id.value())))).item();
    }
}
