package io.github.wschat.benchmarks.fanout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fan-out benchmark measured.
 *
 * @param points         every variant at every N
 * @param defect         the single-Scan defect demonstration, if it ran
 * @param tableBytesByN  the table's size at each N (unpadded items as this project stores them)
 * @param connectMillisByN how long connecting the clients added for each N took
 * @param withLatency    the posting variants again, with every {@code @connections} call answered
 *                       {@code latencyMillis} later
 * @param latencyMillis  the modeled {@code @connections} round trip
 * @param warmupN        recipients of the unmeasured warm-up broadcasts (three per variant) before the first N
 */
public record FanOutResults(List<BroadcastPoint> points, Optional<DefectDemo> defect, Map<Integer, Long> tableBytesByN,
                            Map<Integer, Long> connectMillisByN, List<BroadcastPoint> withLatency, int latencyMillis,
                            int warmupN) {

    public FanOutResults {
        points = List.copyOf(points);
        withLatency = List.copyOf(withLatency);
        tableBytesByN = Map.copyOf(tableBytesByN);
        connectMillisByN = Map.copyOf(connectMillisByN);
    }

    /** The point of {@code route} at {@code n} with the modeled round trip, if measured. */
    public Optional<BroadcastPoint> pointWithLatency(String route, int n) {
        return withLatency.stream().filter(p -> p.route().equals(route) && p.n() == n).findFirst();
    }

    /** The point of {@code route} at {@code n}, if measured. */
    public Optional<BroadcastPoint> point(String route, int n) {
        return points.stream().filter(p -> p.route().equals(route) && p.n() == n).findFirst();
    }
}
