/**
 * What runs in the benchmarks' server JVM, and its handle for the drivers: {@link FanOutServer} (the local
 * WebSocket API, DynamoDB Local and the handlers compared: the template's, the tutorial ports, the gateway's own
 * push, the rooms' Scan-and-filter baseline), {@link ServerProcess} (starts it as a child JVM), the routes and
 * timings it answers with, and the tables' items the drivers write before a point. The drivers
 * ({@code fanout}, {@code rooms}) depend on this package, never the other way round.
 */
package io.github.wschat.benchmarks.server;
