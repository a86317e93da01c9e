/**
 * The benchmarks of wschat, run by {@code ./run-benchmarks.sh} at the repository root:
 * {@link io.github.wschat.benchmarks.RunBenchmarks} measures fan-out, scaling and cold starts against
 * local endpoints (DynamoDB Local, the local WebSocket API), runs the JMH micro-benchmarks, and writes
 * {@code tools/chat-benchmarks/results/RESULTS.md} and {@code tools/chat-benchmarks/results/broadcast-time.png}. Never deployed.
 */
package io.github.wschat.benchmarks;
