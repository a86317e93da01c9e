package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.testing.SystemProperties;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.defaultMessage;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's wscat session at handler level: the four handlers, wired exactly as in Lambda
 * ({@link ChatApplication} with real SDK clients), driven by the sample events, against DynamoDB
 * Local as a loopback server and a loopback {@code @connections} API. The SDK finds DynamoDB Local
 * through its standard setting ({@code aws.endpointUrlDynamoDb}, the system-property twin of
 * {@code AWS_ENDPOINT_URL_DYNAMODB}): the handlers have no local-only code.
 */
class TutorialSessionHandlersTest {

    private static final Map<String, String> SDK_SETTINGS = Map.of(
            "aws.region", "us-east-1",
            "aws.accessKeyId", "local",
            "aws.secretAccessKey", "local");

    private static DynamoDbLocalServer dynamoDb;
    private static DynamoDbClient tableClient;
    private static LoopbackConnectionsApi connectionsApi;
    private static String table;
    private static ChatApplication application;
    private static SystemProperties sdkSettings;

    @BeforeAll
    static void start() throws Exception {
        dynamoDb = DynamoDbLocalServer.start();
        tableClient = dynamoDb.newClient();
        table = DynamoDbTables.createConnectionsTable(tableClient);
        connectionsApi = LoopbackConnectionsApi.start();
        Map<String, String> settings = new HashMap<>(SDK_SETTINGS);
        settings.put("aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString());
        sdkSettings = SystemProperties.set(settings);
        application = ChatApplication.create(new ExampleConfiguration(table, connectionsApi.endpoint()));
    }

    @AfterAll
    static void stop() {
        application.close();
        connectionsApi.close();
        dynamoDb.close();
        sdkSettings.close();
    }

    @Test
    void a_and_b_connect_a_sends_b_receives_default_answers_disconnect_removes() {
        ConnectionId a = ConnectionId.of(connectionsApi.connect("Bq3xkcNyoAMCJpQ="));
        ConnectionId b = ConnectionId.of(connectionsApi.connect("Bq3yBfgkoAMCKlw="));

        assertThat(new ConnectHandler(application).handleRequest(connect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(new ConnectHandler(application).handleRequest(connect(b.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(item(a)).containsEntry("connectionId", AttributeValue.fromS(a.value()))
                .containsEntry("sourceIp", AttributeValue.fromS("203.0.113.10"));

        APIGatewayV2WebSocketResponse sent = new SendMessageHandler(application).handleRequest(sendMessage(a.value()), null);
        assertThat(sent.getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b.value())).containsExactly("hello, everyone!");
        assertThat(connectionsApi.receivedBy(a.value())).isEmpty();

        APIGatewayV2WebSocketResponse answered = new DefaultHandler(application).handleRequest(defaultMessage(a.value()), null);
        assertThat(answered.getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a.value())).singleElement().asString()
                .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                .endsWith(",\"connectionID\":\"" + a.value() + "\"}");

        assertThat(new DisconnectHandler(application).handleRequest(disconnect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(item(a)).isEmpty();
        assertThat(item(b)).isNotEmpty();
        new DisconnectHandler(application).handleRequest(disconnect(b.value()), null);
    }

    @Test
    void bad_input_is_answered_to_its_sender_and_a_gone_connection_is_cleaned_up() {
        ConnectionId a = ConnectionId.of(connectionsApi.connect("badInputA"));
        ConnectionId b = ConnectionId.of(connectionsApi.connect("badInputB"));
        ConnectionId gone = ConnectionId.of("goneWithoutDisconnect");
        for (ConnectionId id : new ConnectionId[] {a, b, gone}) {
            new ConnectHandler(application).handleRequest(connect(id.value()), null);
        }
        SendMessageHandler sendMessage = new SendMessageHandler(application);

        APIGatewayV2WebSocketResponse refused = sendMessage.handleRequest(sendMessage(a.value(), "hi, what can I do here?"), null);
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(connectionsApi.receivedBy(a.value())).singleElement().asString().startsWith("{\"error\":\"body is not valid JSON");
        assertThat(connectionsApi.receivedBy(b.value())).isEmpty();
        assertThat(item(gone)).as("bad input changes no stored state").isNotEmpty();

        sendMessage.handleRequest(sendMessage(a.value(), "{\"action\":\"sendmessage\",\"message\":\"still there?\"}"), null);
        assertThat(connectionsApi.receivedBy(b.value())).containsExactly("still there?");
        assertThat(item(gone)).as("410 from @connections removes the item").isEmpty();
        for (ConnectionId id : new ConnectionId[] {a, b}) {
            new DisconnectHandler(application).handleRequest(disconnect(id.value()), null);
        }
    }

    private static Map<String, AttributeValue> item(ConnectionId id) {
        return tableClient.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("connectionId", AttributeValue.fromS(id.value())))).item();
    }
}
