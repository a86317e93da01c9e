/**
 * Domain values of the chat: self-validating records for connection ids, connections, message
 * payloads and the outcomes of deliveries and broadcasts. Nothing here does I/O.
 */
package io.github.wschat.core.domain;
