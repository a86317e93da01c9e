/**
 * The benchmarks of wschat, run by {@code ./run-benchmarks.sh} at the repository root:
 * {@link io.github.wschat.benchmarks.RunBenchmarks} measures fan-out, scaling and cold starts against
 * local endpoints (DynamoDB Local, the local WebSocket API), runs the JMH micro-benchmarks, and writes
 * {@code benchmarks/RESULTS.md} and {@code benchmarks/broadcast-time.png}. Never deployed.
 */
package io.github.wschat.benchmarks;
