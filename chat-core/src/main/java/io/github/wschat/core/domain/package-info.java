/**
 * Domain values of the chat: self-validating records for connection ids, connections, the users
 * speaking on them, message payloads, what a request's body held and the outcomes of deliveries and
 * broadcasts. Nothing here does I/O.
 */
package io.github.wschat.core.domain;
