package io.github.wschat.benchmarks.jmh;

/**
 * One JMH result.
 *
 * @param benchmark  the benchmark class's simple name
 * @param method     the benchmark method
 * @param params     its parameters, {@code name=value}, or empty
 * @param score      the mean over the measurement iterations
 * @param error      half the width of JMH's 99.9 % confidence interval (NaN when it cannot tell)
 * @param unit       the score's unit
 * @param iterations measurement iterations behind the score
 */
public record MicroResult(String benchmark, String method, String params, double score, double error, String unit,
                          long iterations) {
}
