package io.github.wschat.aws.apigateway;

import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/** Senders on a {@link LoopbackConnectionsApi}: real SDK client, fixed credentials, fast retries. */
final class TestSenders {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY_ID, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    static final Region REGION = Region.US_EAST_1;
    /** Neither the SDK's default (3) nor the sender's (4), so that tests see this setting applied. */
    static final int MAX_ATTEMPTS = 5;

    private TestSenders() {
    }

    /** A builder with the fake's endpoint, {@value #MAX_ATTEMPTS} attempts and millisecond backoff. */
    static ApiGatewayMessageSender.Builder senderFor(LoopbackConnectionsApi api) {
        return withTestSettings(ApiGatewayMessageSender.builder().endpoint(api.endpoint()));
    }

    static ApiGatewayMessageSender.Builder withTestSettings(ApiGatewayMessageSender.Builder builder) {
        return builder
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .maxAttempts(MAX_ATTEMPTS)
                .baseDelay(Duration.ofMillis(1))
                .throttlingBaseDelay(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5));
    }
}
