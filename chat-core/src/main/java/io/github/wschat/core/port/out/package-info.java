/**
 * Outgoing ports: what the core needs from the outside world. {@link io.github.wschat.core.port.out.ConnectionStore}
 * keeps connections, {@link io.github.wschat.core.port.out.MessageSender} reaches them,
 * {@link io.github.wschat.core.port.out.ConnectionInfoQuery} asks the gateway what it knows of one,
 * {@link io.github.wschat.core.port.out.MessageBodyParser} reads a request's body and
 * {@link io.github.wschat.core.port.out.ReplyRenderer} turns the core's answers into the text of the
 * wire protocol. For rooms: {@link io.github.wschat.core.port.out.RoomMembership} keeps who is in which
 * room, {@link io.github.wschat.core.port.out.MessageLog} the rooms' sequence-numbered messages,
 * {@link io.github.wschat.core.port.out.RoomPolicy} decides who may enter, and
 * {@link io.github.wschat.core.port.out.RoomRequestParser} / {@link io.github.wschat.core.port.out.RoomEventRenderer}
 * read and write the room protocol. Adapters implement them; the contract suites in the core's test-jar say what every
 * implementation must do. Infrastructure failures are {@link io.github.wschat.core.port.out.ChatInfrastructureException}s.
 */
package io.github.wschat.core.port.out;
