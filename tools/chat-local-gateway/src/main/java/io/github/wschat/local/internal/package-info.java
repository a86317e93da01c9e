/**
 * The implementation of the local WebSocket API, not an API: Netty handlers (HTTP entry, WebSocket
 * connection, {@code @connections}), the runtime that routes messages and invokes handlers, the Lambda
 * events and context, ids, the access log and fault injection. Use it through
 * {@link io.github.wschat.local.LocalWebSocketApi}; nothing here depends on that package.
 */
package io.github.wschat.local.internal;
