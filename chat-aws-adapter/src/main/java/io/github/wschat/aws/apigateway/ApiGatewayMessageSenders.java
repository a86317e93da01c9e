package io.github.wschat.aws.apigateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One {@link ApiGatewayMessageSender}, hence one SDK client, per management endpoint, made on
 * first use and kept: hold an instance in a static field or the handler's constructor, so that
 * every invocation of a Lambda execution environment reuses the client and its connections.
 *
 * <pre>{@code
 * private static final ApiGatewayMessageSenders SENDERS = ApiGatewayMessageSenders.builder()
 *         .senderSettings(sender -> sender.maxAttempts(4))
 *         .build();
 *
 * public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
 *     var request = event.getRequestContext();
 *     MessageSender sender = SENDERS.forDomainAndStage(request.getDomainName(), request.getStage());
 *     …
 * }
 * }</pre>
 *
 * <p>The endpoint of an event's API is {@code https://{domainName}/{stage}}
 * ({@link #endpointOf(String, String)}), which is right for the {@code execute-api} domain. Behind
 * a custom domain, the event's domain name is the custom one and the management API is reached
 * through its base path mapping, or through the {@code execute-api} endpoint: set it with
 * {@link Builder#endpoint(URI)}, and it wins over every event's domain and stage.
 *
 * <p>Thread-safe. {@link #close()} closes every sender made, and with them their clients.
 */
public final class ApiGatewayMessageSenders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayMessageSenders.class);

    /**
     * A host name or an IPv4 literal (at most 253 characters, as in DNS), or a bracketed IPv6
     * literal, with an optional port: nothing that could add a path, a query or user info.
     */
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");
    /** API Gateway stage names: at most 128 letters, digits, hyphens and underscores; {@code $default} too. */
    private static final Pattern STAGE = Pattern.compile("\\$?[A-Za-z0-9_-]{1,128}");

    private final URI explicitEndpoint;
    private final Consumer<ApiGatewayMessageSender.Builder> senderSettings;
    private final Map<URI, ApiGatewayMessageSender> senders = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private boolean closed;

    private ApiGatewayMessageSenders(Builder builder) {
        this.explicitEndpoint = builder.endpoint == null ? null : normalize(builder.endpoint);
        this.senderSettings = builder.senderSettings;
    }

    /** A builder; nothing is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Senders with the default settings of {@link ApiGatewayMessageSender.Builder} and no explicit endpoint. */
    public static ApiGatewayMessageSenders create() {
        return builder().build();
    }

    /**
     * The management endpoint of the API an event came through: {@code https://{domainName}/{stage}}.
     * The domain name is a host name, an IPv4 or a bracketed IPv6 literal, each with an optional
     * port; the stage is letters, digits, hyphens and underscores, or {@code $default}. This is the
     * one place the endpoint is derived from an event, the {@code WebSocketEventAdapter}'s included.
     * The messages of its exceptions name the part that is wrong, not its value, which comes from
     * outside.
     *
     * @throws IllegalArgumentException if the domain name or stage could change the URI's meaning
     */
    public static URI endpointOf(String domainName, String stage) {
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(stage, "stage");
        if (!DOMAIN_NAME.matcher(domainName).matches()) {
            throw new IllegalArgumentException("domainName is not a host name or IP literal with an optional port");
        }
        if (!STAGE.matcher(stage).matches()) {
            throw new IllegalArgumentException("stage is not a stage name");
        }
        URI endpoint;
        try {
            endpoint = new URI("https://" + domainName + "/" + stage);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("domainName is not a valid host or IP literal: " + e.getReason(), e);
        }
        // characters that pass the pattern can still fail to make a host ("..", "-x"): the URI then
        // holds a registry name, which no client can reach
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("domainName is not a valid host name");
        }
        if (endpoint.getPort() > 65_535) {
            throw new IllegalArgumentException("domainName has a port above 65535");
        }
        return endpoint;
    }

    /**
     * The sender for an event's API: the one of the explicit endpoint when one is set, else the
     * one of {@link #endpointOf(String, String) https://{domainName}/{stage}}.
     */
    public ApiGatewayMessageSender forDomainAndStage(String domainName, String stage) {
        if (explicitEndpoint != null) {
            return forEndpoint(explicitEndpoint);
        }
        return forEndpoint(endpointOf(domainName, stage));
    }

    /**
     * The sender of an endpoint, made with its client on the first call for that endpoint and the
     * same afterwards. Endpoints that differ only by a trailing slash or the case of the scheme and
     * host are the same.
     *
     * @throws IllegalStateException once closed
     */
    public ApiGatewayMessageSender forEndpoint(URI endpoint) {
        URI key = normalize(Objects.requireNonNull(endpoint, "endpoint"));
        ApiGatewayMessageSender sender = senders.get(key);
        if (sender != null) {
            return sender;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("ApiGatewayMessageSenders is closed");
            }
            return senders.computeIfAbsent(key, this::newSender);
        }
    }

    /** The explicit endpoint that wins over events' domains, if set. */
    public Optional<URI> explicitEndpoint() {
        return Optional.ofNullable(explicitEndpoint);
    }

    /** Closes every sender made so far; later calls of {@link #forEndpoint} fail. */
    @Override
    public void close() {
        List<ApiGatewayMessageSender> toClose;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(senders.values());
            senders.clear();
        }
        RuntimeException failure = null;
        for (ApiGatewayMessageSender sender : toClose) {
            try {
                sender.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ApiGatewayMessageSender newSender(URI endpoint) {
        ApiGatewayMessageSender.Builder builder = ApiGatewayMessageSender.builder();
        senderSettings.accept(builder);
        ApiGatewayMessageSender sender = builder.endpoint(endpoint).build();
        LOG.debug("new API Gateway management client for {}", endpoint);
        return sender;
    }

    private static URI normalize(URI endpoint) {
        String scheme = endpoint.getScheme();
        String host = endpoint.getHost();
        if (scheme == null || host == null || endpoint.getRawUserInfo() != null
                || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "endpoint must be an absolute URI with a host and no user info, query or fragment: " + endpoint);
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort();
        return URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT) + port + path);
    }

    /** Settings of {@link ApiGatewayMessageSenders}. */
    public static final class Builder {
        private URI endpoint;
        private Consumer<ApiGatewayMessageSender.Builder> senderSettings = sender -> { };

        private Builder() {
        }

        /**
         * The management endpoint to use whatever an event's domain and stage: a custom domain's
         * base path mapping, the {@code execute-api} endpoint behind a custom domain, or a local
         * endpoint for tests. Default none: endpoints come from events.
         */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /**
         * Settings applied to the builder of each new sender (region, credentials, HTTP client,
         * retries, timeouts); the endpoint is set afterwards, per sender. Must not set a client.
         */
        public Builder senderSettings(Consumer<ApiGatewayMessageSender.Builder> value) {
            this.senderSettings = value;
            return this;
        }

        public ApiGatewayMessageSenders build() {
            Objects.requireNonNull(senderSettings, "senderSettings must not be null");
            return new ApiGatewayMessageSenders(this);
        }
    }
}
