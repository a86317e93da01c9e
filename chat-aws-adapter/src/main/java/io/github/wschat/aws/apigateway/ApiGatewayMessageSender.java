package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.MessageSenderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiServiceClientConfiguration;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.Identity;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link MessageSender} ({@code PostToConnection}) and {@link ConnectionInfoQuery}
 * ({@code GetConnection}) on the API Gateway Management API ({@code @connections}) of one
 * WebSocket API stage, through the AWS SDK v2 {@link ApiGatewayManagementApiClient}.
 *
 * <pre>{@code
 * ApiGatewayMessageSender sender = ApiGatewayMessageSender.builder()
 *         .endpoint(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/production"))
 *         .build();                      // region from AWS_REGION, default credentials chain
 * DeliveryOutcome outcome = sender.send(ConnectionId.of("Bq3xkcNyoAMCJpQ="), MessagePayload.of("hello"));
 * }</pre>
 *
 * <p><b>Outcomes.</b> {@link #send} never throws for a recipient's problem:
 * <table>
 *   <caption>How answers of {@code PostToConnection} become outcomes</caption>
 *   <tr><th>Answer</th><th>Outcome</th></tr>
 *   <tr><td>200</td><td>delivered</td></tr>
 *   <tr><td>410 {@code GoneException}</td><td>gone (not retried)</td></tr>
 *   <tr><td>413 {@code PayloadTooLargeException}</td><td>failed, "payload too large …" (not retried)</td></tr>
 *   <tr><td>403 {@code ForbiddenException}</td><td>failed, "forbidden …" (not retried)</td></tr>
 *   <tr><td>429 {@code LimitExceededException}</td><td>retried by the SDK, then failed, "throttled …"</td></tr>
 *   <tr><td>5xx</td><td>retried by the SDK, then failed, "server error …"</td></tr>
 *   <tr><td>other 4xx</td><td>failed, naming status and error code</td></tr>
 *   <tr><td>I/O error, timeout</td><td>retried by the SDK (I/O), then failed, "not sent …"</td></tr>
 * </table>
 * Each reason names the HTTP status, the error code and, when retried, the number of attempts.
 *
 * <p><b>Retries</b> are the SDK's: the clients this class builds use the standard retry strategy
 * ({@link AwsRetryStrategy#standardRetryStrategy()}) with {@link Builder#maxAttempts} attempts and
 * exponential backoff with full jitter, a longer base delay for throttling, and the strategy's
 * circuit breaker (a per-client retry budget that stops retry storms when everything fails).
 * A retry after a read timeout or a broken connection re-sends a request that may have reached the
 * gateway: the recipient can then get that message twice. Delivery is at least once, never silently
 * at most once; keep the read timeout well above the gateway's answer time (milliseconds), and let
 * clients that must not see a message twice drop it by its id or sequence number.
 *
 * <p><b>Concurrency.</b> Thread-safe; every call blocks its thread on one HTTP exchange at a time.
 * A broadcast bounds the sends in flight with {@code BroadcastSettings.maxConcurrency} and runs
 * them on its own pool, so this class needs no limit of its own. The default HTTP client,
 * {@link UrlConnectionHttpClient}, has no pool limit either: each thread uses its own
 * {@link java.net.HttpURLConnection}, and the JDK keeps at most {@code http.maxConnections}
 * (default 5) idle connections per host for reuse. With more sends in flight than that, the
 * surplus connections are closed after each request and the next ones pay a new TCP and TLS
 * handshake: set {@code -Dhttp.maxConnections} to at least the broadcast's concurrency (for
 * example in {@code JAVA_TOOL_OPTIONS}).
 *
 * <p><b>Logging.</b> Outcomes are logged at DEBUG, a 403 at WARN (it means a deployment problem);
 * a payload is never logged, only its size.
 *
 * <p>A sender that built its client closes it in {@link #close()}; an injected client belongs to
 * its caller.
 */
public final class ApiGatewayMessageSender implements MessageSender, ConnectionInfoQuery, AutoCloseable {

    /** Attempts per call by default: the first one and up to 3 retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Base of the exponential backoff after a server or I/O error (the SDK's standard value). */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    /** Base of the exponential backoff after a 429: throttling asks for more patience. */
    public static final Duration DEFAULT_THROTTLING_BASE_DELAY = Duration.ofMillis(500);
    /** The longest single backoff. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    /** TCP connect timeout of the default HTTP client. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** Read timeout of the default HTTP client; API Gateway answers in milliseconds. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The longest one call may take, retries included; well under API Gateway's 29 s integration
     * timeout, so that one stuck recipient cannot eat a route's whole time.
     */
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayMessageSender.class);
    private static final Pattern SDK_ATTEMPT_COUNT = Pattern.compile("\\s*\\(SDK Attempt Count: \\d+\\)$");

    private final ApiGatewayManagementApiClient client;
    private final boolean ownsClient;
    private final String endpointName;

    private ApiGatewayMessageSender(ApiGatewayManagementApiClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.endpointName = endpointOf(client).map(URI::toString).orElse("the client's endpoint");
    }

    /** A builder; either {@link Builder#endpoint} or {@link Builder#client} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A sender on an existing client, which stays its caller's to close. */
    public static ApiGatewayMessageSender create(ApiGatewayManagementApiClient client) {
        return builder().client(client).build();
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code PostToConnection} with the payload's UTF-8 bytes, retried by the SDK on 429 and
     * 5xx; see the class documentation for the outcomes.
     */
    @Override
    public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
        byte[] data = payload.utf8Bytes();
        DeliveryOutcome outcome;
        try {
            client.postToConnection(post -> post
                    .connectionId(recipient.value())
                    .data(SdkBytes.fromByteArrayUnsafe(data)));
            outcome = DeliveryOutcome.delivered();
        } catch (AwsServiceException e) {
            outcome = outcomeOf(e);
            if (isForbidden(e)) {
                LOG.warn("PostToConnection {} on {}: {}", recipient, endpointName, outcome.reason());
            }
        } catch (SdkException e) {
            outcome = DeliveryOutcome.failed("not sent (" + summary(e) + ")" + attempts(e));
        }
        LOG.debug("PostToConnection {} ({} bytes) on {}: {} {}", recipient, data.length, endpointName,
                outcome.status(), outcome.reason());
        return outcome;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code GetConnection}; a 410 means the connection is gone. A connection info without
     * {@code LastActiveAt} is read as last active when it connected.
     */
    @Override
    public Optional<ConnectionInfo> connectionInfo(ConnectionId id) {
        Objects.requireNonNull(id, "id");
        GetConnectionResponse response;
        try {
            response = client.getConnection(get -> get.connectionId(id.value()));
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                return Optional.empty();
            }
            throw new MessageSenderException("GetConnection " + id + " on " + endpointName + " failed: "
                    + describe(e) + attempts(e), e);
        } catch (SdkException e) {
            throw new MessageSenderException("GetConnection " + id + " on " + endpointName + " failed ("
                    + summary(e) + ")" + attempts(e), e);
        }
        return Optional.of(toConnectionInfo(id, response));
    }

    /**
     * Closes a connection ({@code DeleteConnection}); API Gateway then sends the client a close frame
     * and runs {@code $disconnect}. Idempotent: closing a gone connection is not an error.
     *
     * @return {@code true} if the connection was open and is now closing, {@code false} if it was gone
     * @throws MessageSenderException when the gateway refuses or cannot be reached
     */
    public boolean disconnect(ConnectionId id) {
        Objects.requireNonNull(id, "id");
        try {
            client.deleteConnection(delete -> delete.connectionId(id.value()));
            LOG.debug("DeleteConnection {} on {}: closed", id, endpointName);
            return true;
        } catch (AwsServiceException e) {
            if (isGone(e)) {
                LOG.debug("DeleteConnection {} on {}: already gone", id, endpointName);
                return false;
            }
            throw new MessageSenderException("DeleteConnection " + id + " on " + endpointName + " failed: "
                    + describe(e) + attempts(e), e);
        } catch (SdkException e) {
            throw new MessageSenderException("DeleteConnection " + id + " on " + endpointName + " failed ("
                    + summary(e) + ")" + attempts(e), e);
        }
    }

    /** The management endpoint this sender talks to, when its client has an explicit one. */
    public Optional<URI> endpoint() {
        return endpointOf(client);
    }

    /** Closes the SDK client if this sender built it; an injected client is left open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "ApiGatewayMessageSender[" + endpointName + "]";
    }

    private static ConnectionInfo toConnectionInfo(ConnectionId id, GetConnectionResponse response) {
        Instant connectedAt = response.connectedAt();
        if (connectedAt == null) {
            throw new MessageSenderException("GetConnection " + id + " answered without ConnectedAt");
        }
        Instant lastActiveAt = response.lastActiveAt() != null ? response.lastActiveAt() : connectedAt;
        Identity identity = response.identity();
        ClientIdentity client = identity == null
                ? ClientIdentity.UNKNOWN
                : ClientIdentity.of(identity.sourceIp(), identity.userAgent());
        return new ConnectionInfo(connectedAt, lastActiveAt, client);
    }

    /*
     * Modeled exception types are matched first; the status code backs them up, because the SDK
     * picks the type from the x-amzn-ErrorType header and falls back to the service's base
     * exception when a proxy or a gateway answers without it.
     */
    private static DeliveryOutcome outcomeOf(AwsServiceException e) {
        if (isGone(e)) {
            return DeliveryOutcome.gone();
        }
        if (e instanceof PayloadTooLargeException || e.statusCode() == 413) {
            return DeliveryOutcome.failed("payload too large (" + describe(e) + ")");
        }
        if (isForbidden(e)) {
            return DeliveryOutcome.failed("forbidden (" + describe(e)
                    + "): check execute-api:ManageConnections and the management endpoint");
        }
        if (e instanceof LimitExceededException || e.statusCode() == 429 || e.isThrottlingException()) {
            return DeliveryOutcome.failed("throttled (" + describe(e) + ")" + attempts(e));
        }
        if (e.statusCode() >= 500) {
            return DeliveryOutcome.failed("server error (" + describe(e) + ")" + attempts(e));
        }
        return DeliveryOutcome.failed("rejected (" + describe(e) + ")" + attempts(e));
    }

    private static boolean isGone(AwsServiceException e) {
        return e instanceof GoneException || e.statusCode() == 410;
    }

    private static boolean isForbidden(AwsServiceException e) {
        return e instanceof ForbiddenException || e.statusCode() == 403;
    }

    /** "HTTP 429 LimitExceededException": what the gateway said, never the payload. */
    private static String describe(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details != null && details.errorCode() != null ? details.errorCode() : e.getClass().getSimpleName();
        return "HTTP " + e.statusCode() + " " + code;
    }

    private static String summary(SdkException e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // the SDK appends the attempt count to its messages; the reason says it once, its own way
        return e.getClass().getSimpleName() + ": " + SDK_ATTEMPT_COUNT.matcher(message).replaceFirst("");
    }

    private static String attempts(SdkException e) {
        Integer attempts = e.numAttempts();
        return attempts != null && attempts > 1 ? " after " + attempts + " attempts" : "";
    }

    private static Optional<URI> endpointOf(ApiGatewayManagementApiClient client) {
        try {
            ApiGatewayManagementApiServiceClientConfiguration configuration = client.serviceClientConfiguration();
            return configuration == null ? Optional.empty() : configuration.endpointOverride();
        } catch (UnsupportedOperationException e) {
            // a hand-written client (a test double) may not implement it
            return Optional.empty();
        }
    }

    /**
     * Settings of an {@link ApiGatewayMessageSender}. Either {@link #client} (used as is) or
     * {@link #endpoint} (a client is built from it and the other settings) is required, not both.
     */
    public static final class Builder {
        private ApiGatewayManagementApiClient client;
        private URI endpoint;
        private Region region;
        private AwsCredentialsProvider credentialsProvider;
        private SdkHttpClient httpClient;
        private Duration connectionTimeout;
        private Duration socketTimeout;
        private Integer maxAttempts;
        private Duration baseDelay;
        private Duration throttlingBaseDelay;
        private Duration maxBackoff;
        private Boolean circuitBreakerEnabled;
        private Duration apiCallTimeout;
        private MetricPublisher metricPublisher;

        private Builder() {
        }

        /**
         * An existing client, used as is (its endpoint, retries and HTTP client are its own) and not
         * closed by the sender. Excludes every other setting.
         */
        public Builder client(ApiGatewayManagementApiClient value) {
            this.client = value;
            return this;
        }

        /**
         * The management endpoint, {@code https://{api-id}.execute-api.{region}.amazonaws.com/{stage}},
         * or a custom domain's base path mapping; see
         * {@link ApiGatewayMessageSenders#endpointOf(String, String)}.
         */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /** The region requests are signed for; default the SDK's region chain ({@code AWS_REGION} on Lambda). */
        public Builder region(Region value) {
            this.region = value;
            return this;
        }

        /** Default the SDK's default credentials chain (environment variables first, as on Lambda). */
        public Builder credentialsProvider(AwsCredentialsProvider value) {
            this.credentialsProvider = value;
            return this;
        }

        /**
         * An HTTP client to use instead of the default {@link UrlConnectionHttpClient}; it stays its
         * caller's to close, and the timeouts of this builder do not apply to it.
         */
        public Builder httpClient(SdkHttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** TCP connect timeout of the default HTTP client; default 2 s. */
        public Builder connectionTimeout(Duration value) {
            this.connectionTimeout = value;
            return this;
        }

        /** Read timeout of the default HTTP client; default 5 s. */
        public Builder socketTimeout(Duration value) {
            this.socketTimeout = value;
            return this;
        }

        /**
         * Attempts per call, the first included; 1 disables retries. Default: the SDK's standard setting
         * ({@code aws.maxAttempts} or {@code AWS_MAX_ATTEMPTS}) when set, otherwise {@value #DEFAULT_MAX_ATTEMPTS}.
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /**
         * Base of the exponential backoff (full jitter: a random delay up to
         * {@code base * 2^(retry-1)}, at most {@link #maxBackoff}) after a server or I/O error.
         * Default 100 ms.
         */
        public Builder baseDelay(Duration value) {
            this.baseDelay = value;
            return this;
        }

        /** Base of the exponential backoff after throttling (429). Default 500 ms. */
        public Builder throttlingBaseDelay(Duration value) {
            this.throttlingBaseDelay = value;
            return this;
        }

        /** The longest single backoff. Default 5 s. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /**
         * Whether the SDK's retry circuit breaker is on (default {@code true}): each client has a
         * budget of retries that failures spend and successes refill, so that a failing service
         * is not hit by every call's retries at once.
         */
        public Builder circuitBreakerEnabled(boolean value) {
            this.circuitBreakerEnabled = value;
            return this;
        }

        /** The longest one call may take, retries and backoff included. Default 10 s. */
        public Builder apiCallTimeout(Duration value) {
            this.apiCallTimeout = value;
            return this;
        }

        /**
         * Where the SDK client publishes the metrics of each call and attempt (for example the SDK's
         * {@code CloudWatchMetricPublisher}, or a test's recorder): latencies, retry count, the backoff
         * waited before each attempt. Default none. The publisher stays its caller's to close.
         */
        public Builder metricPublisher(MetricPublisher value) {
            this.metricPublisher = value;
            return this;
        }

        /**
         * @throws NullPointerException     if neither a client nor an endpoint is given
         * @throws IllegalArgumentException if a value is out of range or a client is given with
         *                                  settings it would ignore
         */
        public ApiGatewayMessageSender build() {
            if (client != null) {
                if (endpoint != null || region != null || credentialsProvider != null || httpClient != null
                        || connectionTimeout != null || socketTimeout != null || maxAttempts != null
                        || baseDelay != null || throttlingBaseDelay != null || maxBackoff != null
                        || circuitBreakerEnabled != null || apiCallTimeout != null || metricPublisher != null) {
                    throw new IllegalArgumentException("an injected client is used as is: give either a client "
                            + "or the settings to build one (endpoint, region, HTTP client, retries, timeouts, metrics)");
                }
                return new ApiGatewayMessageSender(client, false);
            }
            Objects.requireNonNull(endpoint, "endpoint (or client) is required");
            checkEndpoint(endpoint);
            // the SDK's standard setting (aws.maxAttempts / AWS_MAX_ATTEMPTS) when the builder is not told
            int attempts = maxAttempts != null ? maxAttempts
                    : SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().orElse(DEFAULT_MAX_ATTEMPTS);
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, is " + attempts);
            }
            Duration base = positive(baseDelay, DEFAULT_BASE_DELAY, "baseDelay");
            Duration throttlingBase = positive(throttlingBaseDelay, DEFAULT_THROTTLING_BASE_DELAY, "throttlingBaseDelay");
            Duration backoffCap = positive(maxBackoff, DEFAULT_MAX_BACKOFF, "maxBackoff");
            Duration callTimeout = positive(apiCallTimeout, DEFAULT_API_CALL_TIMEOUT, "apiCallTimeout");
            Duration connect = positive(connectionTimeout, DEFAULT_CONNECTION_TIMEOUT, "connectionTimeout");
            Duration socket = positive(socketTimeout, DEFAULT_SOCKET_TIMEOUT, "socketTimeout");
            if (httpClient != null && (connectionTimeout != null || socketTimeout != null)) {
                throw new IllegalArgumentException("connectionTimeout and socketTimeout configure the default "
                        + "HTTP client; set them on the given httpClient instead");
            }

            RetryStrategy retryStrategy = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(attempts)
                    .backoffStrategy(BackoffStrategy.exponentialDelay(base, backoffCap))
                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBase, backoffCap))
                    .circuitBreakerEnabled(circuitBreakerEnabled == null || circuitBreakerEnabled)
                    .build();
            ApiGatewayManagementApiClientBuilder sdk = ApiGatewayManagementApiClient.builder()
                    .endpointOverride(endpoint)
                    .overrideConfiguration(o -> {
                        o.retryStrategy(retryStrategy).apiCallTimeout(callTimeout);
                        if (metricPublisher != null) {
                            o.addMetricPublisher(metricPublisher);
                        }
                    });
            if (region != null) {
                sdk.region(region);
            }
            if (credentialsProvider != null) {
                sdk.credentialsProvider(credentialsProvider);
            }
            if (httpClient != null) {
                sdk.httpClient(httpClient);
            } else {
                // given as a builder, the HTTP client belongs to the SDK client and closes with it
                sdk.httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connect)
                        .socketTimeout(socket));
            }
            return new ApiGatewayMessageSender(sdk.build(), true);
        }

        private static void checkEndpoint(URI endpoint) {
            String scheme = endpoint.getScheme();
            if (!endpoint.isAbsolute() || endpoint.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("endpoint must be an absolute http(s) URI with a host, "
                        + "such as https://{api-id}.execute-api.{region}.amazonaws.com/{stage}: " + endpoint);
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException("endpoint must have no query or fragment: " + endpoint);
            }
        }

        private static Duration positive(Duration value, Duration defaultValue, String name) {
            if (value == null) {
                return defaultValue;
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, is " + value);
            }
            return value;
        }
    }
}
