package io.github.wschat.benchmarks.fanout;

import io.github.wschat.benchmarks.stats.Stats;

import java.util.List;

/**
 * The measured broadcasts of one variant at one N (recipients), and their summary statistics.
 *
 * @param route   the variant's route
 * @param n       recipients per broadcast
 * @param samples the measured broadcasts (warm-up ones excluded)
 */
public record BroadcastPoint(String route, int n, List<BroadcastSample> samples) {

    public BroadcastPoint {
        samples = List.copyOf(samples);
    }

    /** Median over the samples of the time from the send to the last recipient's receipt, in ms. */
    public double medianMillis() {
        return Stats.median(samples.stream().mapToDouble(s -> s.lastReceiptNanos() / 1e6).toArray());
    }

    /** The fastest and the slowest of the samples' broadcast times, in ms. */
    public double[] rangeMillis() {
        double[] times = samples.stream().mapToDouble(s -> s.lastReceiptNanos() / 1e6).sorted().toArray();
        return times.length == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {times[0], times[times.length - 1]};
    }

    /** Deliveries per second of the median broadcast: recipients reached divided by its time. */
    public double deliveriesPerSecond() {
        return Stats.median(samples.stream()
                .mapToDouble(s -> s.lastReceiptNanos() == 0 ? 0 : s.received() / (s.lastReceiptNanos() / 1e9)).toArray());
    }

    /** A percentile of the per-recipient latencies of every sample together, in ms. */
    public double latencyPercentileMillis(double percentile) {
        long[] all = samples.stream().flatMapToLong(s -> java.util.Arrays.stream(s.latenciesNanos())).sorted().toArray();
        return Stats.percentile(all, percentile) / 1e6;
    }

    /** The fewest recipients any sample reached. */
    public int minReceived() {
        return samples.stream().mapToInt(BroadcastSample::received).min().orElse(0);
    }

    /** Whether every sample reached every recipient. */
    public boolean complete() {
        return samples.stream().allMatch(BroadcastSample::complete);
    }

    /** Median handler duration measured in the server, in ms. */
    public double medianHandlerMillis() {
        return Stats.median(samples.stream().mapToDouble(s -> s.handlerMicros() / 1e3).toArray());
    }

    /** Median over the samples of {@link BroadcastSample#coresBusy()}; NaN if none can tell. */
    public double medianCoresBusy() {
        return Stats.median(samples.stream().mapToDouble(BroadcastSample::coresBusy).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** Median over the samples of {@link BroadcastSample#cpuMicrosPerMessage()}. */
    public double medianCpuMicrosPerMessage() {
        return Stats.median(samples.stream().mapToDouble(BroadcastSample::cpuMicrosPerMessage)
                .filter(v -> !Double.isNaN(v)).toArray());
    }

    /** How many samples did not end with status 200. */
    public long failedInvocations() {
        return samples.stream().filter(s -> s.handlerStatus() != 200).count();
    }
}
