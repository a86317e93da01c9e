/**
 * Fan-out and scaling: a server JVM ({@link io.github.wschat.benchmarks.server.FanOutServer}) hosts the
 * local WebSocket API, DynamoDB Local and the handlers compared; the driver
 * ({@link io.github.wschat.benchmarks.fanout.FanOutBenchmark},
 * {@link io.github.wschat.benchmarks.fanout.ConnectDisconnectScaling}) connects real clients and times them.
 */
package io.github.wschat.benchmarks.fanout;
