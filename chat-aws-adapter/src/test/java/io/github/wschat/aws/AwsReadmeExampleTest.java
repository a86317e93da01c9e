package io.github.wschat.aws;

import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.testing.ReadmeSnippets;
import io.github.wschat.core.testing.SystemProperties;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static org.assertj.core.api.Assertions.assertThat;

/** The module README's AWS wiring compiles, serves events against local engines, and is chat-aws-adapter/README.md's text. */
class AwsReadmeExampleTest {

    @Test
    void the_readme_wiring_serves_events_against_local_engines() throws Exception {
        try (SystemProperties sdkSettings = SystemProperties.set(
                     Map.of("aws.region", "us-east-1", "aws.accessKeyId", "local", "aws.secretAccessKey", "local"));
             DynamoDbLocalServer server = DynamoDbLocalServer.start();
             LoopbackConnectionsApi api = LoopbackConnectionsApi.start()) {
            DynamoDbClient dynamoDb = server.newClient();
            String tableName = DynamoDbTables.createConnectionsTable(dynamoDb);
            ConnectionId id = ConnectionId.of(api.connect("Bq3xkcNyoAMCJpQ="));

            // tag::aws[]
            ConnectionStore store = DynamoDbConnectionStore.builder()
                    .dynamoDbClient(dynamoDb)             // built once per container, light HTTP client
                    .tableName(tableName)                 // partition key "connectionId" (S), TTL on "ttl"
                    .build();
            ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.builder()
                    .senderSettings(sender -> sender.maxAttempts(4)) // SDK retries 429 and 5xx, with jitter
                    .build();
            WebSocketEventAdapter adapter = ApiGatewayChat.builder()
                    .connectionStore(store)
                    .messageSenders(senders::forEndpoint) // one client per @connections endpoint, reused
                    .services(services -> services.broadcastSettings(BroadcastSettings.defaults().withMaxConcurrency(32)))
                    .build()
                    .adapter();
            // end::aws[]

            assertThat(adapter.handle(connect(id.value()), null).getStatusCode()).isEqualTo(200);
            assertThat(store.find(id)).isPresent();
            assertThat(senders.forEndpoint(api.endpoint()).send(id, MessagePayload.of("hi")).isDelivered()).isTrue();
            assertThat(adapter.handle(disconnect(id.value()), null).getStatusCode()).isEqualTo(200);
            assertThat(store.find(id)).isEmpty();
            senders.close();
        }
    }

    @Test
    void the_readme_shows_exactly_this_wiring() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/aws/AwsReadmeExampleTest.java", "aws");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}
