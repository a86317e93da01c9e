package io.github.wschat.example;

import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import org.crac.Core;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The example's object graph, built once per Lambda container and shared by the handlers:
 * a {@link DynamoDbClient} and the API Gateway Management API clients (one per endpoint, made on
 * first use, so {@code $connect} never builds one), the DynamoDB store, and the event adapter on the
 * use cases, both wired by {@link ApiGatewayChat} as the SnapStart priming wires its own. When the
 * configuration names the room tables, rooms are on: {@link DynamoDbRoomMembership} and
 * {@link DynamoDbMessageLog} on the same client; otherwise the chat is the tutorial's, and the room
 * routes are answered as unknown.
 *
 * <p>Everything comes from the SDK's standard settings: the region from {@code AWS_REGION}
 * ({@code aws.region}); credentials from the environment, or from the Lambda container endpoint
 * that SnapStart functions use instead of environment keys; the DynamoDB endpoint from
 * {@code AWS_ENDPOINT_URL_DYNAMODB} when set (local runs), read by the SDK itself. Clients use the
 * light {@link UrlConnectionHttpClient}. The SnapStart priming hook is registered here.
 */
public final class ChatApplication {

    /** Kept strongly: CRaC holds registered resources weakly. */
    private static final SnapStartPriming PRIMING = new SnapStartPriming();

    private final DynamoDbClient dynamoDb;
    private final ApiGatewayMessageSenders senders;
    private final WebSocketEventAdapter adapter;

    private ChatApplication(ExampleConfiguration configuration) {
        Region region = new SystemSettingsRegionProvider().getRegion();
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(
                SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(),
                ContainerCredentialsProvider.create());
        this.dynamoDb = dynamoDbClientBuilder(region, credentials).build();
        this.senders = ApiGatewayMessageSenders.builder()
                .senderSettings(sender -> sender.region(region).credentialsProvider(credentials))
                .build();
        ApiGatewayChat.Builder chat = ApiGatewayChat.builder()
                .connectionStore(DynamoDbConnectionStore.builder()
                        .dynamoDbClient(dynamoDb)
                        .tableName(configuration.tableName())
                        .build())
                .messageSenders(senders::forEndpoint)
                .adapter(events -> events.endpoint(configuration.explicitConnectionsEndpoint().orElse(null)));
        configuration.rooms().ifPresent(rooms -> chat.rooms(
                DynamoDbRoomMembership.builder()
                        .dynamoDbClient(dynamoDb)
                        .tableName(rooms.membershipsTableName())
                        .build(),
                DynamoDbMessageLog.builder()
                        .dynamoDbClient(dynamoDb)
                        .tableName(rooms.messagesTableName())
                        .retention(rooms.messageRetention())
                        .build()));
        this.adapter = chat.build().adapter();
    }

    /**
     * The application's DynamoDB client settings: the SnapStart priming builds its throwaway client
     * from them too, so that it primes the very HTTP client type and configuration.
     */
    static DynamoDbClientBuilder dynamoDbClientBuilder(Region region, AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                // given as a builder, the HTTP client belongs to the SDK client and closes with it
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /** The container's application, built on first use from the environment. */
    public static ChatApplication instance() {
        return Holder.INSTANCE;
    }

    /** An application for the given configuration; for tests and local runs. Close it after use. */
    public static ChatApplication create(ExampleConfiguration configuration) {
        return new ChatApplication(configuration);
    }

    public WebSocketEventAdapter adapter() {
        return adapter;
    }

    /** Closes the SDK clients. Lambda containers never need it; tests and local runs do. */
    public void close() {
        senders.close();
        dynamoDb.close();
    }

    private static final class Holder {
        static final ChatApplication INSTANCE;

        static {
            INSTANCE = create(ExampleConfiguration.fromEnvironment());
            Core.getGlobalContext().register(PRIMING);
        }
    }
}
