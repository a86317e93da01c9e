package io.github.wschat.benchmarks.rooms;

import io.github.wschat.benchmarks.server.MembershipReads;
import io.github.wschat.benchmarks.server.RoomRoutes;
import io.github.wschat.benchmarks.stats.Stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What one run of the {@link RoomsBenchmark} measured.
 *
 * @param roomSize     members of the measured room, the publisher included (recipients: one fewer)
 * @param points       per variant ({@value RoomRoutes#PUBLISH}, {@value RoomRoutes#SCAN_PUBLISH}) and number of
 *                     other connections, the publishes measured side by side
 * @param series       the project's publishes in a row at the largest table, for publish-to-last-receipt p50/p99
 * @param resume       per number of missed messages, the paging of {@code history} until {@code more} is false
 * @param fillMillis   per number of other connections, how long writing the items that made it took
 * @param loadAtPoint  per number of other connections, {@code /proc/loadavg} when its publishes were measured
 * @param loadAtStart  {@code /proc/loadavg} when the stage started (the machine may be shared)
 * @param loadAtEnd    the same when it ended
 */
public record RoomsResults(int roomSize, List<PublishPoint> points, PublishPoint series, List<ResumePoint> resume,
                           Map<Integer, Long> fillMillis, Map<Integer, String> loadAtPoint, String loadAtStart,
                           String loadAtEnd) {

    public RoomsResults {
        points = List.copyOf(points);
        resume = List.copyOf(resume);
        fillMillis = Map.copyOf(fillMillis);
        loadAtPoint = Map.copyOf(loadAtPoint);
    }

    /** The point of {@code route} at {@code others} other connections, if measured. */
    public Optional<PublishPoint> point(String route, int others) {
        return points.stream().filter(point -> point.route().equals(route) && point.others() == others).findFirst();
    }

    /** The numbers of other connections measured, ascending. */
    public List<Integer> others() {
        return points.stream().map(PublishPoint::others).distinct().sorted().toList();
    }

    /**
     * One publish: from the publisher's send to the last member's receipt of the {@code message} event.
     *
     * @param route          the variant's route
     * @param others         other connections (stored items) in the tables meanwhile
     * @param expected       recipients: the room's members but the publisher
     * @param received       how many got it
     * @param lastNanos      send to the last receipt
     * @param latenciesNanos send to each receipt, ascending
     * @param status         the handler's HTTP status (-1: no done note came)
     * @param handlerMicros  how long the handler ran, measured in the server
     * @param serverCpuMicros CPU time of the whole server JVM meanwhile
     * @param reads          the memberships table's read work of the invocation
     */
    public record PublishSample(String route, int others, int expected, int received, long lastNanos,
                                long[] latenciesNanos, int status, long handlerMicros, long serverCpuMicros,
                                MembershipReads.Count reads) {
    }

    /** The publishes of one variant at one number of other connections. */
    public record PublishPoint(String route, int others, List<PublishSample> samples) {

        public PublishPoint {
            samples = List.copyOf(samples);
        }

        private long[] sorted(ToLongFunction<PublishSample> value) {
            return samples.stream().mapToLong(value).sorted().toArray();
        }

        /** Send to last receipt, nearest-rank percentile over the publishes, in milliseconds. */
        public double millis(double percentile) {
            return Stats.percentile(sorted(PublishSample::lastNanos), percentile) / 1e6;
        }

        /** Recipients of the publishes. */
        public int expected() {
            return samples.isEmpty() ? 0 : samples.get(0).expected();
        }

        /** The fewest recipients one publish reached. */
        public int minReceived() {
            return samples.stream().mapToInt(PublishSample::received).min().orElse(0);
        }

        /** Deliveries per second at the median publish: recipients / p50. */
        public double deliveriesPerSecond() {
            return expected() / (millis(50) / 1e3);
        }

        /** The handler's own time, median, in milliseconds. */
        public double handlerMillis() {
            return Stats.median(sorted(PublishSample::handlerMicros)) / 1e3;
        }

        /** The server JVM's CPU time per publish, median, in milliseconds. */
        public double serverCpuMillis() {
            return Stats.median(sorted(PublishSample::serverCpuMicros)) / 1e3;
        }

        /** Each receipt of every publish, send to receipt, nearest-rank percentile in milliseconds. */
        public double receiptMillis(double percentile) {
            long[] all = samples.stream().flatMapToLong(sample -> Arrays.stream(sample.latenciesNanos())).sorted().toArray();
            return Stats.percentile(all, percentile) / 1e6;
        }

        /** The read work of the median publish, field by field (it is the same for every publish of a point). */
        public MembershipReads.Count reads() {
            return new MembershipReads.Count(
                    (long) Stats.median(sorted(sample -> sample.reads().queries())),
                    (long) Stats.median(sorted(sample -> sample.reads().scans())),
                    (long) Stats.median(sorted(sample -> sample.reads().scanned())),
                    (long) Stats.median(sorted(sample -> sample.reads().returned())),
                    Stats.median(samples.stream().mapToDouble(sample -> sample.reads().capacity()).toArray()));
        }
    }

    /**
     * One resume: a client that missed messages pages {@code history} from the last seq it saw until
     * {@code more} is false.
     *
     * @param nanos    from the first request's send to the last page's receipt
     * @param requests {@code history} requests made
     * @param messages messages received
     */
    public record ResumeSample(long nanos, int requests, int messages) {
    }

    /** The resumes of one number of missed messages, pages of {@code pageSize}. */
    public record ResumePoint(int missed, int pageSize, List<ResumeSample> samples) {

        public ResumePoint {
            samples = List.copyOf(samples);
        }

        /** Nearest-rank percentile of the resumes' times, in milliseconds. */
        public double millis(double percentile) {
            return Stats.percentile(samples.stream().mapToLong(ResumeSample::nanos).sorted().toArray(), percentile) / 1e6;
        }

        /** The most requests one resume made. */
        public int maxRequests() {
            return samples.stream().mapToInt(ResumeSample::requests).max().orElse(0);
        }

        /** The fewest requests one resume made. */
        public int minRequests() {
            return samples.stream().mapToInt(ResumeSample::requests).min().orElse(0);
        }

        /** The fewest messages one resume received. */
        public int minMessages() {
            return samples.stream().mapToInt(ResumeSample::messages).min().orElse(0);
        }
    }
}
