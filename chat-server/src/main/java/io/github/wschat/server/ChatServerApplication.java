package io.github.wschat.server;

import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSender;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.auth.JwtVerifier;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The server's object graph from its {@link ServerSettings}: a {@link DynamoDbClient} and the
 * {@code @connections} sender (the SDK's default region and credentials chains: in an ECS task, {@code AWS_REGION}
 * and the task role), the DynamoDB connection store and room adapters, the core's server use cases through
 * {@link ApiGatewayChat} (the one place services are made), the authorizer's {@link JwtVerifier}, and the
 * {@link ChatServer} on them.
 *
 * <p>Public for a process that hosts the server beside other things, as the local runner does (on DynamoDB Local
 * and the local WebSocket API's {@code @connections}); the container runs it through {@link ChatServerMain}.
 */
public final class ChatServerApplication implements AutoCloseable {

    private final ServerSettings settings;
    private final DynamoDbClient dynamoDb;
    private final boolean ownsDynamoDb;
    private final ApiGatewayMessageSenders senders;
    private final ChatServer server;
    private boolean stopped;

    private ChatServerApplication(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.ownsDynamoDb = builder.dynamoDb == null;
        AwsCredentialsProvider credentials = null;
        Region region = null;
        if (builder.dynamoDb == null || builder.senderSettings == null) {
            region = DefaultAwsRegionProviderChain.builder().build().getRegion();
            credentials = DefaultCredentialsProvider.builder().build();
        }
        this.dynamoDb = builder.dynamoDb != null ? builder.dynamoDb : DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        Region senderRegion = region;
        AwsCredentialsProvider senderCredentials = credentials;
        Consumer<ApiGatewayMessageSender.Builder> senderSettings = builder.senderSettings != null
                ? builder.senderSettings
                : sender -> sender.region(senderRegion).credentialsProvider(senderCredentials);
        this.senders = ApiGatewayMessageSenders.builder().senderSettings(senderSettings).build();
        ApiGatewayChat chat = ApiGatewayChat.builder()
                .connectionStore(DynamoDbConnectionStore.builder()
                        .dynamoDbClient(dynamoDb)
                        .tableName(settings.tableName())
                        .build())
                .rooms(DynamoDbRoomMembership.builder()
                                .dynamoDbClient(dynamoDb)
                                .tableName(settings.membershipsTableName())
                                .build(),
                        DynamoDbMessageLog.builder()
                                .dynamoDbClient(dynamoDb)
                                .tableName(settings.messagesTableName())
                                .retention(settings.messageRetention())
                                .build())
                .messageSenders(senders::forEndpoint)
                .build();
        URI endpoint = settings.connectionsEndpoint();
        ServerApi api = new ServerApi(JwtVerifier.create(settings.auth()), chat.postMessage(endpoint),
                chat.readHistory(endpoint), chat.listMembers(endpoint));
        ChatServer.Builder server = ChatServer.builder().api(api).port(settings.port()).address(builder.address);
        builder.serverSettings.accept(server);
        this.server = server.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering. */
    public ChatServerApplication start() {
        server.start();
        return this;
    }

    /** The port it listens on (the one picked when the settings' port is 0). */
    public int port() {
        return server.port();
    }

    /** The graceful stop with the settings' grace, then the SDK clients closed; how many requests went unanswered. */
    public synchronized int stop() {
        return stop(settings.shutdownGrace());
    }

    /** The graceful stop with {@code grace}, then the SDK clients closed; how many requests went unanswered. */
    public synchronized int stop(Duration grace) {
        if (stopped) {
            return 0;
        }
        stopped = true;
        try {
            return server.stop(grace);
        } finally {
            senders.close();
            if (ownsDynamoDb) {
                dynamoDb.close();
            }
        }
    }

    /** Stops as {@link #stop()} does. */
    @Override
    public void close() {
        stop();
    }

    /** The settings, and for tests the clients and the server's limits. */
    public static final class Builder {
        private ServerSettings settings;
        private DynamoDbClient dynamoDb;
        private Consumer<ApiGatewayMessageSender.Builder> senderSettings;
        private Consumer<ChatServer.Builder> serverSettings = server -> { };
        private InetAddress address;

        private Builder() {
        }

        public Builder settings(ServerSettings value) {
            this.settings = value;
            return this;
        }

        /** A client of the caller's, not closed by the application; default one of the SDK's default chains. */
        public Builder dynamoDbClient(DynamoDbClient value) {
            this.dynamoDb = value;
            return this;
        }

        /** The senders' region, credentials, retries; default the SDK's default chains. */
        public Builder senderSettings(Consumer<ApiGatewayMessageSender.Builder> value) {
            this.senderSettings = value;
            return this;
        }

        /** The address listened on, such as loopback for a server on a developer's machine; default every interface. */
        public Builder address(InetAddress value) {
            this.address = value;
            return this;
        }

        /** The server's limits (body cap, workers, queue). */
        Builder server(Consumer<ChatServer.Builder> value) {
            this.serverSettings = Objects.requireNonNull(value, "server");
            return this;
        }

        public ChatServerApplication build() {
            return new ChatServerApplication(this);
        }
    }
}
