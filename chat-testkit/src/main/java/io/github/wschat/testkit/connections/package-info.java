/**
 * API Gateway's {@code @connections} management API on loopback, one implementation for every test:
 * {@link io.github.wschat.testkit.connections.ConnectionsProtocol} answers {@code POST}, {@code GET} and
 * {@code DELETE} {@code /{stage}/@connections/{id}} with API Gateway's statuses, error types and bodies for
 * any {@link io.github.wschat.testkit.connections.LiveConnections};
 * {@link io.github.wschat.testkit.connections.LoopbackConnectionsApi} serves it alone for connections a
 * test registers, and the local gateway serves it for its WebSocket clients.
 * {@link io.github.wschat.testkit.connections.Faults} scripts faults and latency
 * ({@link io.github.wschat.testkit.connections.Fault} per connection,
 * {@link io.github.wschat.testkit.connections.FaultInjection} for a share of calls);
 * {@link io.github.wschat.testkit.connections.RequestLog} records the calls.
 */
package io.github.wschat.testkit.connections;
