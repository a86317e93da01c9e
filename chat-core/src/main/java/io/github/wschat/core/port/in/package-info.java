/**
 * Incoming ports: the chat's use cases, one interface each, taking a command record that validates
 * itself. Adapters (a Lambda handler, a test) call them; {@code io.github.wschat.core.service}
 * implements them. The room use cases (PROTOCOL §3–6) answer every mistake of the caller and every
 * failure of a store as an {@code error} event to the caller, never as an exception.
 */
package io.github.wschat.core.port.in;
