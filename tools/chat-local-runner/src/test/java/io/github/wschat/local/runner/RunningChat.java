package io.github.wschat.local.runner;

import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat as {@code run-local-chat.sh} starts it (the example's template and handlers, an
 * in-process DynamoDB Local), once for all the tests of this JVM: the handlers, as in Lambda, build
 * their clients once per process. {@code TABLE_NAME}, {@code MEMBERSHIPS_TABLE_NAME} and
 * {@code MESSAGES_TABLE_NAME} are set for the test JVM by the pom, as the script exports them: rooms are on.
 */
final class RunningChat {

    /** How long a client waits: generous, a loaded 2-core machine may take long, and a passing run never waits for it. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final LocalChat CHAT;
    static final DynamoDbClient DYNAMODB;
    /** The ids of accepted connections, each added once {@code @connections} reaches it (its CONNECT entry). */
    static final BlockingQueue<String> CONNECTED = new LinkedBlockingQueue<>();
    private static final Map<String, CompletableFuture<AccessLogEntry>> DISCONNECTS = new ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<AccessLogEntry>> MESSAGES = new ConcurrentHashMap<>();
    private static final Map<WebSocketTestClient, String> CONNECTION_IDS = new ConcurrentHashMap<>();

    static {
        // the SDK's standard setting: more attempts, so that injected faults (20 % 429 and 5 % 500)
        // leave a recipient unreached with a chance of 0.25^10, not 0.25^4
        System.setProperty("aws.maxAttempts", "10");
        try {
            CHAT = LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"), Map.of("CHAT_PORT", "0",
                    "TABLE_NAME", System.getenv().getOrDefault("TABLE_NAME", ""),
                    "MEMBERSHIPS_TABLE_NAME", System.getenv().getOrDefault("MEMBERSHIPS_TABLE_NAME", ""),
                    "MESSAGES_TABLE_NAME", System.getenv().getOrDefault("MESSAGES_TABLE_NAME", "")), RunningChat::record);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        DYNAMODB = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(CHAT.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(CHAT::close));
    }

    private RunningChat() {
    }

    /** Connects a client of the chat, waiting {@link #TIMEOUT}, and finds out its connection id (the one the gateway added). */
    static WebSocketTestClient connect() throws Exception {
        // tests connect one client at a time, and never while connectAmongOthers() runs: the next accepted
        // $connect is this client's
        CONNECTED.clear();
        WebSocketTestClient client = WebSocketTestClient.builder(CHAT.webSocketUri()).timeout(TIMEOUT).connect();
        String id = CONNECTED.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(id).as("the $connect of this client").isNotNull();
        CONNECTION_IDS.put(client, id);
        return client;
    }

    /**
     * Connects a client while other clients may be connecting too, waiting {@link #TIMEOUT}: instead of taking
     * the next CONNECT entry, as {@link #connect()} does, it asks the chat who it is. {@code $default} answers
     * the tutorial's info text, which ends with the caller's {@code connectionID}; the answer is the client's
     * first message, and nothing else is read.
     */
    static WebSocketTestClient connectAmongOthers() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.builder(CHAT.webSocketUri()).timeout(TIMEOUT).connect();
        CONNECTION_IDS.put(client, DefaultRouteInfo.connectionIdOf(client));
        return client;
    }

    /**
     * Drops the client's connection as API Gateway does when it loses its {@code $disconnect}: the socket is
     * reset and the gateway forgets it, while the chat's items for it stay, stale.
     */
    static void dropWithoutDisconnect(WebSocketTestClient client) {
        String id = connectionId(client);
        assertThat(CHAT.api().dropWithoutDisconnect(id)).as("%s dropped without $disconnect", id).isTrue();
    }

    /** The connection ids of the room's membership items, read consistently from the memberships table. */
    static List<String> membershipsOf(String room) {
        return ChatTables.membershipsOf(DYNAMODB, CHAT.roomTables().orElseThrow().memberships(), room);
    }

    /** The connection id of a client {@link #connect()} or {@link #connectAmongOthers()} opened. */
    static String connectionId(WebSocketTestClient client) {
        return Objects.requireNonNull(CONNECTION_IDS.get(client), "a client connect() did not open");
    }

    /** Completes when {@code $disconnect} of {@code connectionId} has been handled. */
    static CompletableFuture<AccessLogEntry> disconnectOf(String connectionId) {
        return DISCONNECTS.computeIfAbsent(connectionId, id -> new CompletableFuture<>());
    }

    /**
     * The access log entries of the messages of {@code connectionId}, each added once its handler has
     * returned (for sendmessage: once every post of its broadcast is answered).
     */
    static BlockingQueue<AccessLogEntry> messagesHandled(String connectionId) {
        return MESSAGES.computeIfAbsent(connectionId, id -> new LinkedBlockingQueue<>());
    }

    /**
     * Waits {@link #TIMEOUT} until the handler of the client's next message has returned; that message must be
     * of {@code route}. For clients {@link #connectAmongOthers()} opened, the first is {@code $default}'s.
     */
    static AccessLogEntry awaitHandled(WebSocketTestClient client, String route) throws InterruptedException {
        String id = connectionId(client);
        AccessLogEntry handled = messagesHandled(id).poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(handled).as("the %s of %s handled", route, id).isNotNull();
        assertThat(handled.routeKey()).isEqualTo(route);
        return handled;
    }

    /** The stored item of a connection; empty when there is none. */
    static Map<String, AttributeValue> item(String connectionId) {
        return DYNAMODB.getItem(get -> get.tableName(CHAT.tableName()).consistentRead(true)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }

    private static void record(AccessLogEntry entry) {
        if ("CONNECT".equals(entry.eventType()) && Integer.valueOf(200).equals(entry.status())) {
            CONNECTED.add(entry.connectionId());
        }
        if ("MESSAGE".equals(entry.eventType())) {
            messagesHandled(entry.connectionId()).add(entry);
        }
        if ("DISCONNECT".equals(entry.eventType()) && entry.connectionId() != null) {
            disconnectOf(entry.connectionId()).complete(entry);
        }
    }
}
