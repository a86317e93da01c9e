/**
 * A local emulator of Amazon API Gateway WebSocket APIs, for running and testing Lambda WebSocket
 * handlers without AWS ({@code sam local} cannot run WebSocket APIs). The entry point is
 * {@link io.github.wschat.local.LocalWebSocketApi}: routes with their handlers, the Lambda events and
 * context, the {@code @connections} management API, API Gateway's quotas and timeouts, an access log, and
 * fault and latency scripting of the management API (the test kit's
 * {@link io.github.wschat.testkit.connections.Faults}). Generic: it knows nothing of the
 * chat, any {@code RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>} runs on it.
 */
package io.github.wschat.local;
