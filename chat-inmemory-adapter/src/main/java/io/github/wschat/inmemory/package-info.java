/**
 * In-memory adapters of the chat's ports, for testing code built on wschat without AWS:
 * {@link io.github.wschat.inmemory.InMemoryConnectionStore},
 * {@link io.github.wschat.inmemory.InMemoryMessageSender}, and for rooms
 * {@link io.github.wschat.inmemory.InMemoryRoomMembership} and {@link io.github.wschat.inmemory.InMemoryMessageLog}.
 * All are thread-safe and pass the same contract suites as the AWS adapters.
 */
package io.github.wschat.inmemory;
