package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.apigateway.FakeConnectionsApi;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbLocalServer;
import io.github.wschat.aws.dynamodb.LocalDynamoDb;
import io.github.wschat.core.domain.ConnectionId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Base64;
import java.util.Map;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.defaultMessage;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events through the event adapter to DynamoDB Local (a loopback server) and the loopback
 * {@code @connections} API, with the real SDK clients: the tutorial's session and every bad input.
 */
class WebSocketEventAdapterEndToEndTest {

    private static DynamoDbLocalServer dynamoDbServer;
    private static DynamoDbClient dynamoDb;
    private static FakeConnectionsApi connectionsApi;
    private static ApiGatewayMessageSenders senders;

    private String table;
    private WebSocketEventAdapter adapter;
    private ConnectionId a;
    private ConnectionId b;

    @BeforeAll
    static void startEngines() throws Exception {
        dynamoDbServer = DynamoDbLocalServer.start();
        dynamoDb = dynamoDbServer.newClient();
        connectionsApi = FakeConnectionsApi.start();
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
        table = LocalDynamoDb.createConnectionsTable(dynamoDb);
        adapter = WebSocketEventAdapter.builder()
                .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName(table).build())
                .messageSenders(senders::forEndpoint)
                .endpoint(connectionsApi.endpoint())
                .build();
        a = connectionsApi.connect("A" + table.replace("-", ""));
        b = connectionsApi.connect("B" + table.replace("-", ""));
        assertThat(adapter.handle(connect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(adapter.handle(connect(b.value()), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void the_tutorials_session() {
        assertThat(item(a)).containsEntry("userAgent", AttributeValue.fromS("wscat/6.1.0"));

        assertThat(adapter.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b)).containsExactly("hello, everyone!");
        assertThat(connectionsApi.receivedBy(a)).isEmpty();

        assertThat(adapter.handle(defaultMessage(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a)).singleElement().asString()
                .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                .contains("\"Identity\":{\"SourceIp\":")
                .endsWith("\"connectionID\":\"" + a.value() + "\"}");

        assertThat(adapter.handle(disconnect(a.value()), null).getStatusCode()).isEqualTo(200);
        assertThat(item(a)).isEmpty();
        assertThat(item(b)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hi, what can I do here?",
            "{\"action\":\"sendmessage\"}",
            "{\"action\":\"sendmessage\",\"message\":42}",
            "{\"action\":\"sendmessage\",\"message\":\"\"}",
            "OVERSIZED",
            "BINARY"})
    void bad_input_gets_a_json_error_and_400_and_nothing_is_broadcast(String body) {
        APIGatewayV2WebSocketEvent event = sendMessage(a.value(), body);
        if (body.equals("OVERSIZED")) {
            event.setBody("{\"action\":\"sendmessage\",\"message\":\"" + "x".repeat(129 * 1024) + "\"}");
        } else if (body.equals("BINARY")) {
            event.setBody(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, 0x28}));
            event.setIsBase64Encoded(true);
        }

        APIGatewayV2WebSocketResponse response = adapter.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(connectionsApi.receivedBy(a)).singleElement().asString()
                .startsWith("{\"error\":\"").isEqualTo(response.getBody());
        assertThat(connectionsApi.receivedBy(b)).isEmpty();
        assertThat(item(a)).isNotEmpty();
        assertThat(item(b)).isNotEmpty();
    }

    @Test
    void a_store_that_cannot_be_reached_answers_500() {
        dynamoDb.deleteTable(delete -> delete.tableName(table));

        assertThat(adapter.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(adapter.handle(connect("Cnew"), null).getStatusCode()).isEqualTo(500);
        assertThat(connectionsApi.receivedBy(b)).isEmpty();
    }

    private Map<String, AttributeValue> item(ConnectionId id) {
        return dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(DynamoDbConnectionStore.CONNECTION_ID, AttributeValue.fromS(id.value())))).item();
    }
}
