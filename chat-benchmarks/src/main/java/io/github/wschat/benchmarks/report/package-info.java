/**
 * Turning measurements into {@code benchmarks/RESULTS.md} and {@code benchmarks/broadcast-time.png}:
 * statistics, the machine's description, the Markdown tables and the chart.
 */
package io.github.wschat.benchmarks.report;
