/**
 * What the local WebSocket API logs of each event, as API Gateway's access log would: shared by the
 * public API (its listener) and the server that writes the entries.
 */
package io.github.wschat.local.log;
