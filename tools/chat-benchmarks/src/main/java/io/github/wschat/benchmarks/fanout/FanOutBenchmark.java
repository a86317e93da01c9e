package io.github.wschat.benchmarks.fanout;

import io.github.wschat.benchmarks.server.ConnectionsTable;
import io.github.wschat.benchmarks.server.ProcessCpu;
import io.github.wschat.benchmarks.server.Routes;
import io.github.wschat.benchmarks.server.ServerProcess;
import io.github.wschat.benchmarks.client.BenchClient;
import io.github.wschat.benchmarks.client.Broadcast;
import io.github.wschat.benchmarks.client.WebSocketClients;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fan-out: N real WebSocket clients (plus one sender) connected to the local WebSocket API through this
 * project's {@code $connect} handler, so each is stored in DynamoDB Local; the sender sends one message on
 * the route of a variant, and every recipient's client notes when the message arrived.
 *
 * <p><b>What a broadcast's time includes:</b> from the moment the sender's frame is written to the moment
 * the last recipient's client decoded the message: the gateway routing the frame and invoking the handler,
 * the handler reading the table and posting to {@code @connections} over loopback HTTP (for (a), (b), (b′)),
 * the gateway writing the frames, and the clients reading them. Handlers are warm (made before the measured
 * runs); the server JVM runs with the JIT's defaults. Variants take turns, in a rotating order.
 *
 * <p>N grows from 1: clients are added, never replaced, and the table holds exactly the N + 1 connected
 * clients at each step. At {@link Settings#defectAt()} the items are padded past 1 MB to show the tutorial's
 * single-Scan defect, then unpadded.
 */
public final class FanOutBenchmark {

    /** The variants, in the order of the tables. */
    public static final List<String> VARIANTS = List.of(Routes.PROJECT, Routes.TUTORIAL, Routes.TUTORIAL_PROMISE_ALL,
            Routes.GATEWAY_PUSH);

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HANDLER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(1);

    /**
     * How the run goes.
     *
     * @param ns          the Ns, ascending
     * @param reps        measured broadcasts per variant at each N, same order as {@code ns}
     * @param warmups     unmeasured broadcasts per variant at each N, same order as {@code ns}
     * @param warmupN     recipients of the first, unmeasured broadcasts that make the handlers and warm the JIT
     * @param defectAt    the N of the defect demonstration (0: none)
     * @param padBytes    the padding per item for it
     * @param latencyAt   the Ns at which the table-reading variants run again with a modeled {@code @connections}
     *                    round trip
     * @param latencyMillis the modeled round trip: every {@code @connections} call answers that much later
     * @param latencyReps measured broadcasts per variant with it
     */
    public record Settings(List<Integer> ns, List<Integer> reps, List<Integer> warmups, int warmupN, int defectAt,
                           int padBytes, List<Integer> latencyAt, int latencyMillis, int latencyReps) {
    }

    /** The variants that post through {@code @connections}, so that its round trip matters. */
    public static final List<String> POSTING_VARIANTS = List.of(Routes.PROJECT, Routes.TUTORIAL,
            Routes.TUTORIAL_PROMISE_ALL);

    private final ServerProcess server;
    private final Settings settings;
    private final PrintStream progress;
    private int sequence;

    public FanOutBenchmark(ServerProcess server, Settings settings, PrintStream progress) {
        this.server = server;
        this.settings = settings;
        this.progress = progress;
    }

    public FanOutResults run() throws Exception {
        List<BroadcastPoint> points = new ArrayList<>();
        List<BroadcastPoint> withLatency = new ArrayList<>();
        Map<Integer, Long> tableBytes = new LinkedHashMap<>();
        Map<Integer, Long> connectMillis = new LinkedHashMap<>();
        DefectDemo defect = null;
        try (WebSocketClients clients = WebSocketClients.create(server.webSocketUri(), 2);
             ConnectionsTable table = new ConnectionsTable(server.dynamoDbEndpoint(), server.tableName())) {
            warmUp(clients, table);
            for (int i = 0; i < settings.ns().size(); i++) {
                int n = settings.ns().get(i);
                long start = System.nanoTime();
                clients.connectUpTo(n + 1, 64, CONNECT_TIMEOUT);
                connectMillis.put(n, (System.nanoTime() - start) / 1_000_000);
                table.awaitCount(n + 1, Duration.ofMinutes(1));
                // the gateway counts a connection as open once its handshake response is written, a moment
                // after the client sees it: a recipient posted to before would be answered 410
                Thread.sleep(200);
                tableBytes.put(n, table.sizeBytes());
                progress.printf("  fan-out N=%d: %d clients connected and stored (%d ms)%n", n, n + 1, connectMillis.get(n));
                for (int w = 0; w < settings.warmups().get(i); w++) {
                    for (String route : VARIANTS) {
                        broadcast(clients, route, n);
                    }
                }
                points.addAll(measure(clients, VARIANTS, n, settings.reps().get(i)));
                if (n == settings.defectAt()) {
                    defect = defectDemo(clients, table, n);
                }
                if (settings.latencyAt().contains(n)) {
                    // the handlers are warm already: no warm-up broadcast
                    setLatency(clients.get(0), settings.latencyMillis());
                    withLatency.addAll(measure(clients, POSTING_VARIANTS, n, settings.latencyReps()));
                    setLatency(clients.get(0), 0);
                }
            }
        }
        return new FanOutResults(points, Optional.ofNullable(defect), tableBytes, connectMillis, withLatency,
                settings.latencyMillis(), settings.warmupN());
    }

    /** {@code reps} measured broadcasts of each route to {@code n}, the routes taking turns in a rotating order. */
    private List<BroadcastPoint> measure(WebSocketClients clients, List<String> routes, int n, int reps)
            throws InterruptedException {
        Map<String, List<BroadcastSample>> samples = new LinkedHashMap<>();
        routes.forEach(route -> samples.put(route, new ArrayList<>()));
        for (int rep = 0; rep < reps; rep++) {
            for (int v = 0; v < routes.size(); v++) {
                String route = routes.get((v + rep) % routes.size());
                samples.get(route).add(broadcast(clients, route, n));
            }
        }
        List<BroadcastPoint> points = new ArrayList<>();
        samples.forEach((route, measured) -> {
            BroadcastPoint point = new BroadcastPoint(route, n, measured);
            points.add(point);
            progress.printf("    %-20s median %9.2f ms, received %d/%d at least%n", route, point.medianMillis(),
                    point.minReceived(), n);
        });
        return points;
    }

    private void setLatency(BenchClient control, int millis) throws InterruptedException {
        control.send("{\"action\":\"" + Routes.LATENCY + "\",\"millis\":" + millis + "}");
        if (control.nextControl("latency " + millis, Duration.ofSeconds(30)) == null) {
            throw new IllegalStateException("the server did not set the @connections latency");
        }
        progress.printf("  @connections round trip modeled: %d ms%n", millis);
    }

    /** Makes every handler and warms the server's JIT, then leaves only the two clients of N = 1. */
    private void warmUp(WebSocketClients clients, ConnectionsTable table) throws Exception {
        int n = settings.warmupN();
        clients.connectUpTo(n + 1, 64, CONNECT_TIMEOUT);
        table.awaitCount(n + 1, Duration.ofMinutes(1));
        Thread.sleep(200);
        for (int i = 0; i < 3; i++) {
            for (String route : VARIANTS) {
                broadcast(clients, route, n);
            }
        }
        clients.closeLast(n - 1, Duration.ofMinutes(1));
        table.awaitCount(2, Duration.ofMinutes(1));
        progress.printf("  fan-out warm-up: %d broadcasts of each variant to %d clients%n", 3, n);
    }

    /** Pads the items past 1 MB, broadcasts once per table-reading variant, unpads. */
    private DefectDemo defectDemo(WebSocketClients clients, ConnectionsTable table, int n) throws Exception {
        table.pad(settings.padBytes());
        long size = table.sizeBytes();
        List<BroadcastSample> broadcasts = new ArrayList<>();
        for (String route : List.of(Routes.PROJECT, Routes.TUTORIAL, Routes.TUTORIAL_PROMISE_ALL)) {
            BroadcastSample sample = broadcast(clients, route, n);
            broadcasts.add(sample);
            progress.printf("    defect demo, table %.2f MB: %-20s reached %d of %d%n", size / 1e6, route,
                    sample.received(), n);
        }
        table.unpad();
        return new DefectDemo(n, settings.padBytes(), size, broadcasts);
    }

    /** One broadcast from client 0 to the {@code n} others on {@code route}; see the class comment. */
    BroadcastSample broadcast(WebSocketClients clients, String route, int n) throws InterruptedException {
        String message = "m" + (++sequence) + "-" + route;
        BenchClient sender = clients.get(0);
        Broadcast broadcast = clients.expect(message, 0, n);
        long cpuStart = ProcessCpu.nanos();
        broadcast.started();
        sender.send(Routes.body(route, message));
        String done = sender.nextControl(Routes.DONE_PREFIX, HANDLER_TIMEOUT);
        broadcast.await(System.nanoTime(), QUIET, HANDLER_TIMEOUT);
        long driverCpu = (ProcessCpu.nanos() - cpuStart) / 1_000;
        clients.stopExpecting();
        long[] latencies = broadcast.latenciesNanos();
        int status = -1;
        long handlerMicros = -1;
        long serverCpu = -1;
        if (done != null) {
            String[] parts = done.split(" ");
            status = Integer.parseInt(parts[2]);
            handlerMicros = Long.parseLong(parts[3]);
            serverCpu = Long.parseLong(parts[4]);
        }
        Thread.sleep(50); // let the last acknowledgements and closed per-invocation clients settle
        return new BroadcastSample(route, n, broadcast.received(), broadcast.echoed(),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], latencies, status, handlerMicros, serverCpu,
                driverCpu);
    }
}
