/**
 * Incoming ports: the chat's use cases, one interface each, taking a command record that validates
 * itself. Adapters (a Lambda handler, a test) call them; {@code io.github.wschat.core.service}
 * implements them.
 */
package io.github.wschat.core.port.in;
