package io.github.wschat.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wschat.core.testing.SystemProperties;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {

    @Test
    void priming_runs_the_whole_session_without_reaching_aws() throws Exception {
        try (CountingEndpoint aws = CountingEndpoint.start(); SystemProperties ignored = sdkSettingsTowards(aws)) {

            // B gets the message, A gets the error for the malformed body, B gets the $default answer
            assertThat(SnapStartPriming.prime()).isEqualTo(3);
            new SnapStartPriming().beforeCheckpoint(null);

            assertThat(aws.requests()).as("requests to the AWS endpoint").isZero();
        }
    }

    @Test
    void the_real_handler_path_in_the_same_settings_is_counted() throws Exception {
        // the control experiment: what priming must not do, the endpoint sees
        try (CountingEndpoint aws = CountingEndpoint.start(); SystemProperties ignored = sdkSettingsTowards(aws)) {
            ChatApplication application = ChatApplication.create(new ExampleConfiguration("connections", null));
            try {
                new ConnectHandler(application).handleRequest(connect("controlConnection="), null);
            } finally {
                application.close();
            }

            assertThat(aws.requests()).as("requests to the AWS endpoint").isPositive();
        }
    }

    @Test
    void the_crac_hooks_run_outside_a_checkpoint() {
        SnapStartPriming priming = new SnapStartPriming();

        assertThatCode(() -> {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }).doesNotThrowAnyException();
    }

    /**
     * The SDK's system properties win over whatever the shell exports (CloudShell sets AWS_REGION and
     * container credentials, a local setup may set AWS_ENDPOINT_URL_DYNAMODB): every SDK client built
     * with these sends its requests to {@code endpoint}.
     */
    private static SystemProperties sdkSettingsTowards(CountingEndpoint endpoint) {
        return SystemProperties.set(Map.of(
                "aws.endpointUrl", endpoint.url(),
                "aws.endpointUrlDynamoDb", endpoint.url(),
                ExampleConfiguration.CONNECTIONS_ENDPOINT_PROPERTY, endpoint.url(),
                "aws.ignoreConfiguredEndpointUrls", "false",
                "aws.region", "us-east-1",
                "aws.accessKeyId", "priming",
                "aws.secretAccessKey", "priming"));
    }

    /**
     * A loopback HTTP endpoint standing in for AWS: it counts the requests it gets and refuses each
     * with a 400 {@code ValidationException}, which no SDK client retries.
     */
    private static final class CountingEndpoint implements AutoCloseable {

        private static final byte[] REFUSAL =
                "{\"__type\":\"ValidationException\",\"message\":\"this is not AWS\"}".getBytes(StandardCharsets.UTF_8);

        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        private CountingEndpoint(HttpServer server) {
            this.server = server;
        }

        static CountingEndpoint start() throws IOException {
            CountingEndpoint endpoint = new CountingEndpoint(
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0));
            endpoint.server.createContext("/", endpoint::refuse);
            endpoint.server.start();
            return endpoint;
        }

        private void refuse(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "ValidationException");
            exchange.sendResponseHeaders(400, REFUSAL.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(REFUSAL);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
