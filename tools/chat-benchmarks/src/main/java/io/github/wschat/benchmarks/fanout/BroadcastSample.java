package io.github.wschat.benchmarks.fanout;

import java.util.Objects;

/**
 * One measured broadcast: {@code recipients} clients other than the sender were connected and stored.
 *
 * @param route           the route (the variant)
 * @param recipients      how many clients should get the message (every connection but the sender's)
 * @param received        how many of them got it
 * @param echoed          whether the sender got its own message back (the tutorial posts to it too)
 * @param lastReceiptNanos from the send to the last recipient's receipt (to the last one that came, if some never did)
 * @param latenciesNanos  per recipient that got it, from the send to its receipt, ascending
 * @param handlerStatus   the handler's status code, 500 if it threw, -1 if it did not return in time
 * @param handlerMicros   how long the handler ran, measured in the server, -1 if unknown
 * @param serverCpuMicros CPU time the server process used while the handler ran, -1 if unknown
 * @param driverCpuMicros CPU time the driver process (the clients) used from the send to the end of the wait
 */
public record BroadcastSample(String route, int recipients, int received, boolean echoed, long lastReceiptNanos,
                              long[] latenciesNanos, int handlerStatus, long handlerMicros, long serverCpuMicros,
                              long driverCpuMicros) {

    public BroadcastSample {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(latenciesNanos, "latenciesNanos");
    }

    /** Whether every recipient got the message. */
    public boolean complete() {
        return received == recipients;
    }

    public int missed() {
        return recipients - received;
    }

    /**
     * CPU time both processes used per recipient reached, in µs: the server's while the handler ran, the
     * driver's from the send to the end of its wait. NaN when that window is under 100 ms: the JVM counts
     * process CPU time in 10 ms clock ticks, too coarse for shorter ones.
     */
    public double cpuMicrosPerMessage() {
        if (!cpuKnown() || received == 0) {
            return Double.NaN;
        }
        return (double) (serverCpuMicros + driverCpuMicros) / received;
    }

    /**
     * How many cores both processes kept busy on average: their CPU time over the longer of the broadcast
     * time and the handler's duration. NaN when that is under 100 ms (see {@link #cpuMicrosPerMessage()}).
     */
    public double coresBusy() {
        if (!cpuKnown()) {
            return Double.NaN;
        }
        return (serverCpuMicros + driverCpuMicros) / (double) windowMicros();
    }

    private long windowMicros() {
        return Math.max(lastReceiptNanos / 1_000, handlerMicros);
    }

    private boolean cpuKnown() {
        return serverCpuMicros >= 0 && driverCpuMicros >= 0 && windowMicros() >= 100_000;
    }
}
