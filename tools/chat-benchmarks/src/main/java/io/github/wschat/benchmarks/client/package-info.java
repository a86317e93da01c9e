/**
 * Real WebSocket clients for the benchmarks: many Netty clients on one event loop group, each timing the
 * moment a broadcast message reaches it.
 */
package io.github.wschat.benchmarks.client;
