package io.github.wschat.example;

import io.github.wschat.aws.apigateway.ApiGatewayMessageSender;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Throwaway SDK clients for the SnapStart priming: a {@link DynamoDbClient} and an
 * {@link ApiGatewayManagementApiClient} of the same HTTP client type and configuration as the
 * application's, but with static dummy credentials, a fixed region, fixed endpoints that do not
 * exist ({@code .invalid} never resolves) and a {@link TransmissionStop} that ends every request
 * at the point it would be sent. A request runs the whole SDK path up to there (marshalling,
 * endpoint rules, SigV4 signing, the retry strategy's first token) and then fails, as a request
 * does when the network is down: no byte leaves the process, no credentials are looked up, no
 * connection is opened. The application's own clients and credentials are never touched.
 * Close after use: the API client's call timeout runs on a thread of the client's.
 */
final class PrimingClients implements AutoCloseable {

    static final Region REGION = Region.US_EAST_1;
    static final URI DYNAMODB_ENDPOINT = URI.create("https://dynamodb.snapstart-priming.invalid");
    /** Also the endpoint the priming events make: {@code https://{domainName}/{stage}}. */
    static final URI CONNECTIONS_ENDPOINT = URI.create("https://snapstart-priming.invalid/priming");

    /** Not a key of anyone: signing needs credentials, and resolving real ones is what priming must not do. */
    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDSNAPSTARTPRIMING", "snapstart-priming-not-a-secret"));

    private final TransmissionStop stop = new TransmissionStop();
    private final DynamoDbClient dynamoDb;
    private final ApiGatewayManagementApiClient connectionsApi;

    private PrimingClients(URI dynamoDbEndpoint, URI connectionsEndpoint) {
        this.dynamoDb = ChatApplication.dynamoDbClientBuilder(REGION, CREDENTIALS)
                .endpointOverride(dynamoDbEndpoint)
                .overrideConfiguration(o -> o.addExecutionInterceptor(stop))
                .build();
        this.connectionsApi = connectionsApiClient(connectionsEndpoint);
    }

    /** Clients on the fixed endpoints. */
    static PrimingClients create() {
        return create(DYNAMODB_ENDPOINT, CONNECTIONS_ENDPOINT);
    }

    /** Clients on other endpoints: for tests, which point them at a loopback server to prove nothing reaches it. */
    static PrimingClients create(URI dynamoDbEndpoint, URI connectionsEndpoint) {
        return new PrimingClients(dynamoDbEndpoint, connectionsEndpoint);
    }

    /**
     * The client {@link ApiGatewayMessageSender.Builder} would build for the endpoint, with the same
     * HTTP client, timeouts and retry strategy, mirrored here because that builder takes no
     * interceptor; the region and credentials are the priming's.
     */
    private ApiGatewayManagementApiClient connectionsApiClient(URI endpoint) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(ApiGatewayMessageSender.DEFAULT_CONNECTION_TIMEOUT)
                        .socketTimeout(ApiGatewayMessageSender.DEFAULT_SOCKET_TIMEOUT))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(ApiGatewayMessageSender.DEFAULT_MAX_ATTEMPTS)
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        ApiGatewayMessageSender.DEFAULT_BASE_DELAY, ApiGatewayMessageSender.DEFAULT_MAX_BACKOFF))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        ApiGatewayMessageSender.DEFAULT_THROTTLING_BASE_DELAY,
                                        ApiGatewayMessageSender.DEFAULT_MAX_BACKOFF))
                                .build())
                        .apiCallTimeout(ApiGatewayMessageSender.DEFAULT_API_CALL_TIMEOUT)
                        .addExecutionInterceptor(stop))
                .build();
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    ApiGatewayManagementApiClient connectionsApi() {
        return connectionsApi;
    }

    /** The SDK operations stopped so far, in order, one entry per request ({@code PutItem}, {@code Scan}, …). */
    List<String> stoppedOperations() {
        return List.copyOf(stop.operations);
    }

    @Override
    public void close() {
        try {
            connectionsApi.close();
        } finally {
            dynamoDb.close();
        }
    }

    /**
     * Ends every request in {@code beforeTransmission}, the last step before the HTTP client is
     * called, with an {@link SdkClientException} caused by a {@link RequestNotSentException}: what
     * the adapters get is the SDK's client-side failure, which no retry strategy retries (it is
     * not an I/O error), so each request is made once.
     */
    static final class TransmissionStop implements ExecutionInterceptor {

        private final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
            String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            operations.add(operation);
            throw SdkClientException.create("SnapStart priming: " + operation + " stopped before it was sent",
                    new RequestNotSentException(operation));
        }
    }

    /** The cause of every failure of the priming's requests: the request was stopped, by design. */
    static final class RequestNotSentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestNotSentException(String operation) {
            // no stack trace: it is expected, and logged with the adapters' failures
            super(operation + " was not sent: the SnapStart priming stops every request before transmission",
                    null, false, false);
        }
    }
}
