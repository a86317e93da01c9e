package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A measurement, not a test: how long a broadcast takes through the sync SDK client
 * (url-connection-client) and the core's bounded pool, by concurrency, against a loopback
 * {@code @connections} API that answers after a simulated network latency.
 *
 * <pre>
 * mvn -B -q -pl chat-aws-adapter -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/wschat-sender-cp.txt -Dmdep.includeScope=test
 * cd chat-aws-adapter
 * java -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *     -cp target/test-classes:target/classes:$(cat /tmp/wschat-sender-cp.txt) \
 *     io.github.wschat.aws.apigateway.FanOutMeasurement [recipients] [latencyMillis] [rounds] [concurrency…]
 * </pre>
 * {@code -XX:TieredStopAtLevel=1} is what Lambda's Java runtimes do; add {@code -Dhttp.maxConnections=64}
 * to see the JDK's keep-alive cache hold every connection.
 * Defaults: 2,000 recipients, 5 ms, 3 rounds, concurrency 1 8 32 64. Prints the median round.
 * The fake server runs in the same JVM, so CPU time counts both sides.
 */
public final class FanOutMeasurement {

    private FanOutMeasurement() {
    }

    public static void main(String[] args) {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int latencyMillis = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] concurrencies = args.length > 3
                ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8, 32, 64};

        System.out.printf(Locale.ROOT, "%d recipients, %d ms simulated latency, median of %d rounds, "
                        + "%d CPUs, http.maxConnections=%s, Java %s%n",
                recipients, latencyMillis, rounds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("http.maxConnections", "(default 5)"), Runtime.version());

        try (LoopbackConnectionsApi api = LoopbackConnectionsApi.start();
             ApiGatewayMessageSender sender = TestSenders.senderFor(api)
                     .maxAttempts(ApiGatewayMessageSender.DEFAULT_MAX_ATTEMPTS).build()) {
            InMemoryConnectionStore store = InMemoryConnectionStore.create();
            ConnectionId author = ConnectionId.of(api.connect("author"));
            store.save(Connection.of(author, Instant.EPOCH, ClientIdentity.UNKNOWN));
            for (int i = 0; i < recipients; i++) {
                ConnectionId id = ConnectionId.of(api.connect(String.format("r%06d", i)));
                store.save(Connection.of(id, Instant.EPOCH, ClientIdentity.UNKNOWN));
            }
            api.faults().latency(Duration.ofMillis(latencyMillis));

            // warm-up: class loading and JIT, not measured
            for (int i = 0; i < 3; i++) {
                run(api, store, sender, author, 16);
            }

            System.out.println();
            System.out.println("concurrency | wall ms | msgs/s | max in flight at server | TCP connections | CPU ms | delivered");
            System.out.println("----------- | ------- | ------ | ----------------------- | --------------- | ------ | ---------");
            for (int concurrency : concurrencies) {
                List<Round> results = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    results.add(run(api, store, sender, author, concurrency));
                }
                results.sort((a, b) -> Long.compare(a.wallNanos, b.wallNanos));
                Round median = results.get(results.size() / 2);
                System.out.printf(Locale.ROOT, "%11d | %7d | %6.0f | %23d | %15d | %6d | %d%n",
                        concurrency,
                        median.wallNanos / 1_000_000,
                        median.delivered / (median.wallNanos / 1e9),
                        median.maxInFlight,
                        median.connections,
                        median.cpuNanos / 1_000_000,
                        median.delivered);
            }
        }
    }

    private static Round run(LoopbackConnectionsApi api, InMemoryConnectionStore store, ApiGatewayMessageSender sender,
                             ConnectionId author, int concurrency) {
        ChatServices chat = ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .connectionInfoQuery(sender)
                .replyRenderer(new JsonReplyRenderer())
                .messageBodyParser(new SendMessageBodyParser())
                .broadcastSettings(BroadcastSettings.defaults().withMaxConcurrency(concurrency))
                .build();
        api.requests().reset();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        BroadcastResult result = chat.broadcast().broadcast(new BroadcastCommand(author, "hello, everyone!"));
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        BroadcastReport report = (BroadcastReport) result;
        if (report.failed() > 0) {
            throw new IllegalStateException("the measurement broadcast failed for some recipients: " + report);
        }
        return new Round(wall, cpu, report.delivered(), api.requests().maxInFlight(), api.requests().clientConnections());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private record Round(long wallNanos, long cpuNanos, int delivered, int maxInFlight, int connections) {
    }
}
