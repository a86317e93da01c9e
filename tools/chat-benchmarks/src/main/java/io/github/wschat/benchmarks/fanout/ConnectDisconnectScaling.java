package io.github.wschat.benchmarks.fanout;

import io.github.wschat.benchmarks.server.ConnectionsTable;
import io.github.wschat.benchmarks.server.Routes;
import io.github.wschat.benchmarks.server.ServerProcess;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.benchmarks.client.BenchClient;
import io.github.wschat.benchmarks.client.WebSocketClients;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Connect and disconnect latency against the number of stored connections: with 0, 1,000, 10,000, 50,000…
 * items in the table (stored by the driver, shaped as this project's {@code $connect} stores them), one
 * client at a time connects, then closes, {@code cycles} times. Measured: the client's WebSocket handshake
 * (TCP connect, upgrade request, this project's {@code ConnectHandler} writing the item, upgrade response),
 * and, in the server, the {@code ConnectHandler} and {@code DisconnectHandler} invocations themselves. A
 * key-value store should keep all three flat.
 */
public final class ConnectDisconnectScaling {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ServerProcess server;
    private final List<Integer> levels;
    private final int cycles;
    private final PrintStream progress;

    public ConnectDisconnectScaling(ServerProcess server, List<Integer> levels, int cycles, PrintStream progress) {
        this.server = server;
        this.levels = List.copyOf(levels);
        this.cycles = cycles;
        this.progress = progress;
    }

    public List<ScalingPoint> run() throws Exception {
        List<ScalingPoint> points = new ArrayList<>();
        try (WebSocketClients clients = WebSocketClients.create(server.webSocketUri(), 1);
             ConnectionsTable table = new ConnectionsTable(server.dynamoDbEndpoint(), server.tableName())) {
            BenchClient control = clients.connectUpTo(1, 1, WAIT).get(0);
            cycle(clients, table, 0, 300); // makes the handlers, warms the server's JIT up
            stats(control);
            int stored = 0;
            for (int level : levels) {
                table.addStoredConnections(level - stored);
                stored = level;
                table.awaitCount(stored + 1, Duration.ofMinutes(2));
                List<Long> handshakes = cycle(clients, table, stored, cycles);
                Map<String, List<Long>> server = stats(control);
                ScalingPoint point = new ScalingPoint(stored, handshakes, server.getOrDefault("$connect", List.of()),
                        server.getOrDefault("$disconnect", List.of()));
                points.add(point);
                progress.printf("  connect/disconnect with %d stored: %d cycles%n", stored, cycles);
            }
        }
        return points;
    }

    /** {@code count} clients, one after the other, each connected then closed; their handshake times. */
    private static List<Long> cycle(WebSocketClients clients, ConnectionsTable table, int stored, int count)
            throws Exception {
        List<Long> handshakes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BenchClient client = clients.connectOne().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            handshakes.add(client.handshakeNanos() / 1_000);
            client.close().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        // let the last $disconnect finish before counting: a full scan of a big table in DynamoDB Local
        // would slow it down and show up as its latency
        Thread.sleep(500);
        table.awaitCount(stored + 1, WAIT);
        return handshakes;
    }

    /** The server's recorded handler durations since the last call, in µs, by route. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> stats(BenchClient control) throws Exception {
        control.send("{\"action\":\"" + Routes.STATS + "\"}");
        String answer = control.nextControl("{", WAIT);
        if (answer == null) {
            throw new IllegalStateException("the server did not answer " + Routes.STATS);
        }
        Map<String, Object> parsed = JSON.std.mapFrom(answer);
        Map<String, List<Long>> micros = new java.util.LinkedHashMap<>();
        parsed.forEach((route, values) -> micros.put(route,
                ((List<Object>) values).stream().map(value -> ((Number) value).longValue()).toList()));
        return micros;
    }
}
