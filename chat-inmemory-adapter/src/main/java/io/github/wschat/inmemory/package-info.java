/**
 * In-memory adapters of the chat's ports, for testing code built on wschat without AWS:
 * {@link io.github.wschat.inmemory.InMemoryConnectionStore} and
 * {@link io.github.wschat.inmemory.InMemoryMessageSender}. Both are thread-safe and pass the same
 * contract suites as the AWS adapters.
 */
package io.github.wschat.inmemory;
