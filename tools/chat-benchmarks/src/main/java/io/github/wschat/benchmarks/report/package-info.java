/**
 * Turning measurements into {@code tools/chat-benchmarks/results/RESULTS.md} and {@code tools/chat-benchmarks/results/broadcast-time.png}:
 * the machine's description, the Markdown tables and the chart.
 */
package io.github.wschat.benchmarks.report;
