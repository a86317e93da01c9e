package io.github.wschat.benchmarks.tutorial;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.benchmarks.client.BenchClient;
import io.github.wschat.benchmarks.client.WebSocketClients;
import io.github.wschat.local.LocalWebSocketApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial ports do what the sample does, defects included: every item gets the body's {@code data},
 * the sender too; one Scan only; on 410 the sender's item is deleted instead of the gone one. Against
 * DynamoDB Local and the local WebSocket API with real clients; {@code TABLE_NAME} is set by surefire.
 */
class TutorialPortTest {

    private static final String TABLE = "wschat-tutorial-test"; // as the module's surefire configuration sets it
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DynamoDbLocalServer dynamoDbServer;
    private static DynamoDbClient dynamoDb;
    private static LocalWebSocketApi api;
    private WebSocketClients clients;

    @BeforeAll
    static void start() throws Exception {
        dynamoDbServer = DynamoDbLocalServer.start();
        dynamoDb = dynamoDbServer.newClient();
        api = LocalWebSocketApi.builder().stage("test").start();
        // the SDK's standard settings, read when a handler builds its clients
        System.setProperty("aws.endpointUrlDynamoDb", dynamoDbServer.endpoint().toString());
        System.setProperty("aws.endpointUrlApiGatewayManagementApi", api.connectionsEndpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterAll
    static void stop() {
        api.close();
        dynamoDbServer.close();
        for (String property : List.of("aws.endpointUrlDynamoDb", "aws.endpointUrlApiGatewayManagementApi", "aws.region",
                "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(property);
        }
    }

    @BeforeEach
    void createTable() {
        DynamoDbTables.createConnectionsTable(dynamoDb, TABLE);
        clients = WebSocketClients.create(api.webSocketUri(), 1);
    }

    @AfterEach
    void deleteTable() {
        clients.close();
        dynamoDb.deleteTable(delete -> delete.tableName(TABLE));
    }

    static Stream<Arguments> ports() {
        return Stream.of(
                Arguments.of("sequential", (Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>>)
                        TutorialSendMessageHandler::new),
                Arguments.of("Promise.all", (Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>>)
                        TutorialPromiseAllSendMessageHandler::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void given_connections_when_a_message_is_sent_then_every_one_gets_the_data_field_the_sender_too(
            String name, Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> port)
            throws Exception {
        List<String> ids = connect(3, 0);

        APIGatewayV2WebSocketResponse response = port.get().handleRequest(
                event(ids.get(0), "{\"action\":\"sendmessage\",\"data\":\"hello\",\"message\":\"not this\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        for (BenchClient client : clients.all()) {
            assertThat(client.nextControl(WAIT)).isEqualTo("hello");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void given_a_table_past_one_megabyte_when_a_message_is_sent_then_only_the_first_scan_page_gets_it(
            String name, Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> port)
            throws Exception {
        // five items of 380 KB: 1.9 MB, more than one Scan call returns
        List<String> ids = connect(5, 380_000);
        int firstPage = dynamoDb.scan(scan -> scan.tableName(TABLE).projectionExpression("connectionId")).count();

        port.get().handleRequest(event(ids.get(0), "{\"data\":\"hello\"}"), null);

        int reached = 0;
        for (BenchClient client : clients.all()) {
            if ("hello".equals(client.nextControl(Duration.ofMillis(300)))) {
                reached++;
            }
        }
        assertThat(firstPage).isLessThan(5);
        assertThat(reached).isEqualTo(firstPage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void given_a_gone_connection_when_a_message_is_sent_then_the_senders_item_is_deleted_not_the_gone_one(
            String name, Supplier<RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> port)
            throws Exception {
        List<String> ids = connect(2, 0);
        String gone = "goneConnection1=";
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of("connectionId", AttributeValue.fromS(gone))));

        APIGatewayV2WebSocketResponse response = port.get().handleRequest(event(ids.get(0), "{\"data\":\"hello\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(stored(gone)).isTrue();
        assertThat(stored(ids.get(0))).isFalse();
        assertThat(stored(ids.get(1))).isTrue();
    }

    /** Connects {@code count} clients and stores their ids, each item padded with {@code padBytes}; the ids in client order. */
    private List<String> connect(int count, int padBytes) throws Exception {
        List<String> before = List.copyOf(api.connectionIds());
        clients.connectUpTo(count, count, WAIT);
        for (int i = 0; i < 100 && api.connectionIds().size() < before.size() + count; i++) {
            Thread.sleep(10);
        }
        List<String> ids = new ArrayList<>(api.connectionIds());
        ids.removeAll(before);
        assertThat(ids).hasSize(count);
        for (String id : ids) {
            Map<String, AttributeValue> item = padBytes == 0
                    ? Map.of("connectionId", AttributeValue.fromS(id))
                    : Map.of("connectionId", AttributeValue.fromS(id), "pad", AttributeValue.fromS("x".repeat(padBytes)));
            dynamoDb.putItem(put -> put.tableName(TABLE).item(item));
        }
        return ids;
    }

    private boolean stored(String id) {
        return dynamoDb.getItem(get -> get.tableName(TABLE).key(Map.of("connectionId", AttributeValue.fromS(id))))
                .hasItem();
    }

    private static APIGatewayV2WebSocketEvent event(String sender, String body) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setConnectionId(sender);
        context.setRouteKey("sendmessage");
        context.setEventType("MESSAGE");
        context.setDomainName(api.webSocketUri().getHost() + ":" + api.port());
        context.setStage(api.stage());
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }
}
