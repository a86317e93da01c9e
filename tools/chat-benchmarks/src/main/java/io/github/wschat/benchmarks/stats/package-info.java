/**
 * Medians and percentiles of measurements, shared by the benchmarks that take them and the report
 * that shows them.
 */
package io.github.wschat.benchmarks.stats;
