/**
 * Domain values of the chat: self-validating records for connection ids, connections, the users
 * speaking on them, message payloads, what a request's body held and the outcomes of deliveries and
 * broadcasts; and those of rooms (PROTOCOL §3–6): {@link io.github.wschat.core.domain.RoomName},
 * {@link io.github.wschat.core.domain.MessageId}, {@link io.github.wschat.core.domain.UserRef},
 * {@link io.github.wschat.core.domain.RoomMessage}, {@link io.github.wschat.core.domain.Membership},
 * {@link io.github.wschat.core.domain.RoomMember}, {@link io.github.wschat.core.domain.HistoryPage},
 * {@link io.github.wschat.core.domain.TextLimit}, the parsed {@link io.github.wschat.core.domain.RoomRequest},
 * the {@link io.github.wschat.core.domain.ChatError} answered to a caller and the
 * {@link io.github.wschat.core.domain.RoomResult} of a room use case. Nothing here does I/O.
 */
package io.github.wschat.core.domain;
