package io.github.wschat.server;

import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSender;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server on real parts, on loopback: DynamoDB Local with the adapters' tables, the testkit's {@code @connections}
 * API as the WebSocket API's, a {@link LoopbackIssuer} of real JWTs, and the JDK's HTTP client.
 */
final class ServerFixture implements AutoCloseable {

    static final Consumer<ApiGatewayMessageSender.Builder> LOCAL_SENDERS = sender -> sender.region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));

    final DynamoDbLocalServer dynamoDbServer;
    final DynamoDbClient dynamoDb;
    final LoopbackConnectionsApi connections;
    final LoopbackIssuer issuer;
    final String table;
    final String memberships;
    final String messages;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DynamoDbRoomMembership membership;
    private ChatServerApplication application;
    private DynamoDbClient serverDynamoDb;
    private URI base;

    private ServerFixture() throws Exception {
        dynamoDbServer = DynamoDbLocalServer.start();
        dynamoDb = dynamoDbServer.newClient();
        connections = LoopbackConnectionsApi.start();
        issuer = LoopbackIssuer.start();
        table = DynamoDbTables.createConnectionsTable(dynamoDb);
        memberships = DynamoDbTables.createTable(dynamoDb, DynamoDbRoomMembership::tableDefinition, "ttl");
        messages = DynamoDbTables.createTable(dynamoDb, DynamoDbMessageLog::tableDefinition, "ttl");
        membership = DynamoDbRoomMembership.builder().dynamoDbClient(dynamoDb).tableName(memberships).build();
    }

    /** The engines, without a server in this JVM: for a test that starts it as a process of its own. */
    static ServerFixture engines() throws Exception {
        return new ServerFixture();
    }

    /** The engines and the server in this JVM, on a free port. */
    static ServerFixture start() throws Exception {
        return start(server -> { });
    }

    static ServerFixture start(Consumer<ChatServer.Builder> limits) throws Exception {
        return start(limits, null);
    }

    /** The engines and the server, whose DynamoDB client (not the fixture's own) runs {@code interceptor} on each call. */
    static ServerFixture start(ExecutionInterceptor interceptor) throws Exception {
        return start(server -> { }, interceptor);
    }

    private static ServerFixture start(Consumer<ChatServer.Builder> limits, ExecutionInterceptor interceptor)
            throws Exception {
        ServerFixture fixture = new ServerFixture();
        fixture.application = ChatServerApplication.builder()
                .settings(ServerSettings.fromEnvironment(fixture.environment()))
                .dynamoDbClient(interceptor == null ? fixture.dynamoDb
                        : (fixture.serverDynamoDb = fixture.dynamoDbServer.newClient(interceptor)))
                .senderSettings(LOCAL_SENDERS)
                .server(limits)
                .build()
                .start();
        fixture.base = URI.create("http://127.0.0.1:" + fixture.application.port());
        return fixture;
    }

    /** What the task definition sets, for these engines; {@code PORT} 0, any free port. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ServerSettings.PORT, "0");
        environment.put(ServerSettings.TABLE_NAME, table);
        environment.put(ServerSettings.MEMBERSHIPS_TABLE_NAME, memberships);
        environment.put(ServerSettings.MESSAGES_TABLE_NAME, messages);
        environment.put(ServerSettings.CONNECTIONS_ENDPOINT, connections.endpoint().toString());
        environment.put(AuthSettings.AUTH_ISSUER, issuer.issuer().toString());
        environment.put(AuthSettings.AUTH_AUDIENCE, issuer.audience());
        environment.put(ServerSettings.SHUTDOWN_GRACE_SECONDS, "25");
        return environment;
    }

    ChatServerApplication application() {
        return application;
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A token of {@code user} granted {@code rooms}. */
    String token(String user, String... rooms) {
        return issuer.token().subject(user).name("name of " + user).rooms(List.of(rooms)).sign();
    }

    /** A backend's token: {@code scope} {@code wschat:server}. */
    String backendToken() {
        return issuer.token().subject("backend").claim("scope", "read wschat:server").sign();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(postRequest(path, token, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest postRequest(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A live socket of the {@code @connections} API, in the room for {@code user}, as a WebSocket join stores it. */
    ConnectionId member(String room, String connectionId, String user) {
        ConnectionId connection = ConnectionId.of(connections.connect(connectionId));
        membership.join(Membership.of(RoomName.of(room), connection, new UserRef(user, "name of " + user), Instant.now()));
        return connection;
    }

    /** The WebSocket side of the same chat, on the same tables and {@code @connections} API, as the Lambda wires it. */
    ApiGatewayChat webSocketChat(ApiGatewayMessageSenders senders) {
        return ApiGatewayChat.builder()
                .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName(table).build())
                .rooms(membership, DynamoDbMessageLog.builder().dynamoDbClient(dynamoDb).tableName(messages).build())
                .messageSenders(senders::forEndpoint)
                .build();
    }

    @Override
    public void close() {
        if (application != null) {
            application.stop(Duration.ofSeconds(5));
        }
        if (serverDynamoDb != null) {
            serverDynamoDb.close();
        }
        issuer.close();
        connections.close();
        dynamoDbServer.close();
    }
}
