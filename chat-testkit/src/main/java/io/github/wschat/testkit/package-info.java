/**
 * The wschat test kit: real parts on loopback for tests of chat handlers, one implementation of each
 * (DynamoDB Local, a WebSocket client, the SAM template reader, the {@code @connections} fake).
 */
package io.github.wschat.testkit;
