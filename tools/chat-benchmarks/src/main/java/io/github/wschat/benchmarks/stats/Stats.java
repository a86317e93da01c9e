package io.github.wschat.benchmarks.stats;

import java.util.Arrays;

/** The few statistics the reports use. */
public final class Stats {

    private Stats() {
    }

    /** The median (mean of the two middle values for an even count); NaN for no values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median of whole numbers. */
    public static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    /**
     * The nearest-rank percentile ({@code 0 < percentile <= 100}) of ascending values: the smallest value
     * with at least that share of the values at or below it. NaN for no values.
     */
    public static double percentile(long[] ascending, double percentile) {
        if (ascending.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * ascending.length);
        return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1];
    }
}
