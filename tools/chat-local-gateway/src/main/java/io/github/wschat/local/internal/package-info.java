/**
 * The implementation of the local WebSocket API, not an API: Netty handlers (HTTP entry, WebSocket
 * connection; {@code @connections} is the test kit's protocol over the live connections), the runtime
 * that routes messages and invokes handlers, the Lambda events and context, ids and the access log. Use it through
 * {@link io.github.wschat.local.LocalWebSocketApi}; nothing here depends on that package.
 */
package io.github.wschat.local.internal;
