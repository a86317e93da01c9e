package io.github.wschat.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wschat.core.testing.SystemProperties;
import io.github.wschat.example.SnapStartPriming.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {

    /** What the SDK session's requests are: each operation of the handlers, GetConnection included. */
    private static final List<String> OPERATIONS = List.of("PutItem", "Scan", "PostToConnection", "GetConnection",
            "PostToConnection", "DeleteItem");

    @Test
    void priming_runs_every_sdk_operation_to_the_transmission_point_and_reaches_nothing() throws Exception {
        try (CountingEndpoint aws = CountingEndpoint.start(); SystemProperties ignored = sdkSettingsTowards(aws)) {

            Report report = SnapStartPriming.prime();

            assertThat(report.stoppedOperations()).as("the operations stopped before transmission")
                    .containsExactlyElementsOf(OPERATIONS);
            // $connect, sendmessage (Scan), the malformed body, $default, $disconnect, an event without a connection id
            assertThat(report.sdkStatuses()).containsExactly(500, 500, 400, 200, 500, 400);
            // in memory: B gets the message, A gets the error for the malformed body, B gets the $default answer;
            // the room session: joined twice, a presence, the ack, the message, history, members, left, a leave
            assertThat(report.delivered()).isEqualTo(12);
            assertThat(aws.requests()).as("requests to the AWS endpoint").isZero();
        }
    }

    @Test
    void the_priming_clients_pointed_at_a_live_endpoint_still_send_it_nothing() throws Exception {
        // the stop is what keeps the requests in: the endpoints alone would not
        try (CountingEndpoint aws = CountingEndpoint.start()) {

            Report report = SnapStartPriming.prime(() -> PrimingClients.create(aws.uri(), aws.uri().resolve("/priming")));

            assertThat(report.stoppedOperations()).containsExactlyElementsOf(OPERATIONS);
            assertThat(aws.requests()).as("requests to the endpoint").isZero();
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
    void priming_leaves_no_thread_behind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        SnapStartPriming.prime();

        // threads of closed clients and finished broadcasts end on their own, shortly
        Set<Thread> left = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            left.clear();
            Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread)).forEach(left::add);
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("threads started by the priming and still alive").isEmpty();
    }

    @Test
    void priming_needs_no_aws_setting_and_no_credentials(@TempDir Path home) throws Exception {
        // a JVM of its own with an empty environment: no AWS_* variable, no credentials, no region; and
        // no profile file or instance metadata to fall back on
        ProcessBuilder child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + home,
                "-Daws.sharedCredentialsFile=" + home.resolve("credentials"),
                "-Daws.configFile=" + home.resolve("config"),
                "-Daws.disableEc2Metadata=true",
                PrimingMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("output.txt").toFile());
        child.environment().clear();

        Process process = child.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(home.resolve("output.txt"));

        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(PrimingMain.REPORT_PREFIX + new Report(List.of(500, 500, 400, 200, 500, 400), OPERATIONS, 12));
    }

    @Test
    void the_crac_hooks_run_outside_a_checkpoint() {
        SnapStartPriming priming = new SnapStartPriming();

        assertThatCode(() -> {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }).doesNotThrowAnyException();
    }

    @Test
    void a_failing_priming_does_not_fail_the_checkpoint() {
        SnapStartPriming priming = new SnapStartPriming(() -> {
            throw new IllegalStateException("no SDK client today");
        });

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
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

        URI uri() {
            return URI.create(url());
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
