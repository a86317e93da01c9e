package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.aws.lambda.LambdaEvents;
import io.github.wschat.core.testing.SystemProperties;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Map;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room handlers at handler level, wired exactly as in Lambda ({@link ChatApplication} with real SDK clients and
 * the room tables named), against DynamoDB Local on loopback, the tables made from the adapters' definitions, and a
 * loopback {@code @connections} API; without room tables the same routes are unknown ones.
 */
class RoomHandlersTest {

    private static DynamoDbLocalServer dynamoDb;
    private static DynamoDbClient tables;
    private static LoopbackConnectionsApi connectionsApi;
    private static ChatApplication application;
    private static SystemProperties sdkSettings;
    private static String memberships;

    @BeforeAll
    static void start() throws Exception {
        dynamoDb = DynamoDbLocalServer.start();
        tables = dynamoDb.newClient();
        String connections = DynamoDbTables.createConnectionsTable(tables);
        memberships = DynamoDbTables.createTable(tables, DynamoDbRoomMembership::tableDefinition,
                DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME);
        String messages = DynamoDbTables.createTable(tables, DynamoDbMessageLog::tableDefinition,
                DynamoDbMessageLog.DEFAULT_TTL_ATTRIBUTE_NAME);
        connectionsApi = LoopbackConnectionsApi.start();
        sdkSettings = SystemProperties.set(Map.of("aws.region", "us-east-1", "aws.accessKeyId", "local",
                "aws.secretAccessKey", "local", "aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString()));
        application = ChatApplication.create(new ExampleConfiguration(connections, connectionsApi.endpoint(),
                new ExampleConfiguration.RoomTables(memberships, messages, Duration.ofDays(7))));
    }

    @AfterAll
    static void stop() {
        application.close();
        connectionsApi.close();
        tables.close();
        dynamoDb.close();
        sdkSettings.close();
    }

    @Test
    void join_publish_history_members_leave_and_disconnect_through_their_handlers() {
        String a = connectionsApi.connect("roomsA");
        String b = connectionsApi.connect("roomsB");
        new ConnectHandler(application).handleRequest(connect(a), null);
        new ConnectHandler(application).handleRequest(connect(b), null);

        assertThat(room(new JoinHandler(application), a, "join", "{\"action\":\"join\",\"room\":\"general\"}")).isEqualTo(200);
        assertThat(room(new JoinHandler(application), b, "join", "{\"action\":\"join\",\"room\":\"general\"}")).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a)).containsExactly("{\"type\":\"joined\",\"room\":\"general\",\"lastSeq\":0}",
                "{\"type\":\"presence\",\"room\":\"general\",\"event\":\"join\",\"user\":{\"userId\":\"anon:" + b
                        + "\",\"name\":\"anonymous\"}}");

        assertThat(room(new PublishHandler(application), a, "publish",
                "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"m-1\",\"text\":\"hello, room\"}")).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(a)).last().isEqualTo("{\"type\":\"ack\",\"room\":\"general\",\"id\":\"m-1\",\"seq\":1}");
        String message = connectionsApi.receivedBy(b).get(connectionsApi.receivedBy(b).size() - 1);
        assertThat(message).startsWith("{\"type\":\"message\",\"room\":\"general\",\"seq\":1,\"id\":\"m-1\"");

        assertThat(room(new HistoryHandler(application), b, "history", "{\"action\":\"history\",\"room\":\"general\"}"))
                .isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b)).last().isEqualTo("{\"type\":\"history\",\"room\":\"general\",\"messages\":["
                + message + "],\"lastSeq\":1,\"more\":false,\"truncated\":false}");
        assertThat(room(new MembersHandler(application), b, "members", "{\"action\":\"members\",\"room\":\"general\"}"))
                .isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b)).last().asString().startsWith("{\"type\":\"members\",\"room\":\"general\",\"members\":[")
                .contains("\"connections\":1");

        assertThat(room(new LeaveHandler(application), b, "leave", "{\"action\":\"leave\",\"room\":\"general\"}")).isEqualTo(200);
        assertThat(connectionsApi.receivedBy(b)).last().isEqualTo("{\"type\":\"left\",\"room\":\"general\"}");
        assertThat(connectionsApi.receivedBy(a)).last().asString().startsWith("{\"type\":\"presence\",\"room\":\"general\",\"event\":\"leave\"");

        assertThat(room(new PublishHandler(application), b, "publish",
                "{\"action\":\"publish\",\"room\":\"general\",\"id\":\"m-2\",\"text\":\"am I in?\"}")).isEqualTo(400);
        assertThat(connectionsApi.receivedBy(b)).last().asString().startsWith("{\"type\":\"error\",\"code\":\"not_member\"");

        assertThat(new DisconnectHandler(application).handleRequest(disconnect(a), null).getStatusCode()).isEqualTo(200);
        assertThat(new DisconnectHandler(application).handleRequest(disconnect(b), null).getStatusCode()).isEqualTo(200);
        assertThat(tables.scan(scan -> scan.tableName(memberships).consistentRead(true)).items())
                .as("a disconnect leaves its rooms").isEmpty();
    }

    @Test
    void without_room_tables_a_room_route_is_an_unknown_route() {
        ChatApplication tutorial = ChatApplication.create(new ExampleConfiguration(
                DynamoDbTables.createConnectionsTable(tables), connectionsApi.endpoint()));
        try {
            String c = connectionsApi.connect("tutorialOnly");
            new ConnectHandler(tutorial).handleRequest(connect(c), null);

            assertThat(room(new JoinHandler(tutorial), c, "join", "{\"action\":\"join\",\"room\":\"general\"}")).isEqualTo(400);
            assertThat(connectionsApi.receivedBy(c)).singleElement().asString().contains("unknown route");
        } finally {
            tutorial.close();
        }
    }

    private static int room(RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
                            String connection, String route, String body) {
        APIGatewayV2WebSocketEvent event = LambdaEvents.sendMessage(connection, body);
        event.getRequestContext().setRouteKey(route);
        return handler.handleRequest(event, null).getStatusCode();
    }
}
