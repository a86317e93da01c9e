package io.github.wschat.testkit.connections;

import io.github.wschat.testkit.KitReadme;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's {@code @connections} snippet compiles, runs, and is the same text as in the README. */
class ConnectionsReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() {
        // tag::readme[]
        try (LoopbackConnectionsApi api = LoopbackConnectionsApi.start();
             ApiGatewayManagementApiClient client = ApiGatewayManagementApiClient.builder()
                     .endpointOverride(api.endpoint())               // http://127.0.0.1:<port>/test
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .build()) {
            String id = api.connect("Bq3xkcNyoAMCJpQ=");            // live: POST 200, GET describes it
            api.faults().next(id, Fault.LIMIT_EXCEEDED);             // its next call gets 429, then as usual
            api.faults().latency(Duration.ofMillis(5));              // every answer 5 ms late

            client.postToConnection(p -> p.connectionId(id).data(SdkBytes.fromUtf8String("hi")));

            assertThat(api.receivedBy(id)).containsExactly("hi");
            assertThat(api.requests().countFor(id)).isEqualTo(2);   // the 429, then the SDK's retry
            assertThat(api.requests().forConnection(id).get(1).header("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
            assertThat(api.faults().injectedFailures()).isEqualTo(1);
        }
        // end::readme[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() throws IOException {
        String snippet = KitReadme.snippet(
                "src/test/java/io/github/wschat/testkit/connections/ConnectionsReadmeExampleTest.java");

        assertThat(KitReadme.text()).contains(snippet);
    }
}
