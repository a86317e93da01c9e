package io.github.wschat.local.runner;

import io.github.wschat.local.AccessLogEntry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The chat as {@code run-local-chat.sh} starts it (the example's template and handlers, an
 * in-process DynamoDB Local), once for all the tests of this JVM: the handlers, as in Lambda, build
 * their clients once per process. {@code TABLE_NAME} is set for the test JVM by the pom, as the script
 * exports it.
 */
final class RunningChat {

    static final LocalChat CHAT;
    static final DynamoDbClient DYNAMODB;
    /** The ids of accepted connections, each added once {@code @connections} reaches it (its CONNECT entry). */
    static final BlockingQueue<String> CONNECTED = new LinkedBlockingQueue<>();
    private static final Map<String, CompletableFuture<AccessLogEntry>> DISCONNECTS = new ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<AccessLogEntry>> MESSAGES = new ConcurrentHashMap<>();

    static {
        // the SDK's standard setting: more attempts, so that injected faults (20 % 429 and 5 % 500)
        // leave a recipient unreached with a chance of 0.25^10, not 0.25^4
        System.setProperty("aws.maxAttempts", "10");
        try {
            CHAT = LocalChat.start(Path.of("../../chat-lambda-example/template.yaml"), Map.of("CHAT_PORT", "0",
                    "TABLE_NAME", System.getenv().getOrDefault("TABLE_NAME", "")), RunningChat::record);
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
