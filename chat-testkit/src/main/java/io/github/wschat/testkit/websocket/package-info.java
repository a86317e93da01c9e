/**
 * WebSocket clients for tests against a server on loopback:
 * {@link io.github.wschat.testkit.websocket.WebSocketTestClient} on the JDK's client, with whole messages
 * in a queue read with a timeout and the {@link io.github.wschat.testkit.websocket.CloseStatus} it saw, and
 * {@link io.github.wschat.testkit.websocket.RawWebSocketClient} on a socket, for frames a real client will
 * not send and for dropping a connection without a close frame.
 */
package io.github.wschat.testkit.websocket;
