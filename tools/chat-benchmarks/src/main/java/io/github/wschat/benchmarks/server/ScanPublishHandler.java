package io.github.wschat.benchmarks.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.example.ExampleConfiguration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rooms benchmark's baseline route, {@value RoomRoutes#SCAN_PUBLISH}: this project's publish (PROTOCOL §4)
 * with the room's members read by a Scan of the whole memberships table filtered on the room
 * ({@link ScanFilterRoomMembership}) instead of a Query of the room's partition.
 *
 * <p>It is wired as the example's {@code ChatApplication} wires the project's {@code PublishHandler}, from the
 * same environment ({@link ExampleConfiguration#fromEnvironment()}): a DynamoDB client on the
 * {@link UrlConnectionHttpClient}, {@link ApiGatewayMessageSenders} for {@code @connections}, the
 * {@link DynamoDbConnectionStore}, the {@link DynamoDbMessageLog} with the configured retention, and
 * {@link ApiGatewayChat} with its default fan-out settings (the same bound on sends in flight), so that the
 * two routes differ in the read of the members only. Its clients are its own, made on its first event, and
 * warmed as the project's are. The body's {@code action} is rewritten to {@code publish} (and the event's
 * route key with it) before the adapter sees it, since the room parser reads the command from the action; that
 * costs microseconds against a fan-out's hundreds of milliseconds.
 */
public final class ScanPublishHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final WebSocketEventAdapter adapter;

    /** Made by the benchmark server on first use, from the example's environment. */
    public ScanPublishHandler() {
        ExampleConfiguration configuration = ExampleConfiguration.fromEnvironment();
        ExampleConfiguration.RoomTables rooms = configuration.rooms().orElseThrow(() -> new IllegalStateException(
                "the baseline needs the room tables: set MEMBERSHIPS_TABLE_NAME and MESSAGES_TABLE_NAME"));
        Region region = new SystemSettingsRegionProvider().getRegion();
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create());
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.builder()
                .senderSettings(sender -> sender.region(region).credentialsProvider(credentials))
                .build();
        DynamoDbRoomMembership queried = DynamoDbRoomMembership.builder()
                .dynamoDbClient(dynamoDb)
                .tableName(rooms.membershipsTableName())
                .build();
        this.adapter = ApiGatewayChat.builder()
                .connectionStore(DynamoDbConnectionStore.builder()
                        .dynamoDbClient(dynamoDb)
                        .tableName(configuration.tableName())
                        .build())
                .messageSenders(senders::forEndpoint)
                .adapter(events -> events.endpoint(configuration.explicitConnectionsEndpoint().orElse(null)))
                .rooms(new ScanFilterRoomMembership(dynamoDb, queried, Clock.systemUTC()),
                        DynamoDbMessageLog.builder()
                                .dynamoDbClient(dynamoDb)
                                .tableName(rooms.messagesTableName())
                                .retention(rooms.messageRetention())
                                .build())
                .build()
                .adapter();
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        event.getRequestContext().setRouteKey(RoomRoutes.PUBLISH);
        event.setBody(asPublish(event.getBody()));
        return adapter.onRoomRequest(event, context);
    }

    /** The same command with {@code "action":"publish"}; a body that is no JSON object is left for the parser to refuse. */
    static String asPublish(String body) {
        try {
            Map<String, Object> command = new LinkedHashMap<>(JSON.std.mapFrom(body));
            command.put("action", RoomRoutes.PUBLISH);
            return JSON.std.asString(command);
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }
}
