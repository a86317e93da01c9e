package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.MessageRejection;

/**
 * Turns the core's answers into text of the wire protocol. The core carries no JSON library: the
 * tutorial's protocol speaks JSON, and an adapter renders it with a real JSON library
 * ({@code io.github.wschat.json.JsonReplyRenderer} in module {@code chat-json}).
 */
public interface ReplyRenderer {

    /**
     * The connection info of the {@code $default} reply, with the caller's id added; in the
     * tutorial's format: {@code {"ConnectedAt":"…","Identity":{"SourceIp":"…","UserAgent":"…"},"LastActiveAt":"…","connectionID":"…"}}.
     */
    String connectionInfo(ConnectionId caller, ConnectionInfo info);

    /** The {@code $default} reply's info when the gateway could not tell anything: at least the caller's id. */
    String unknownConnectionInfo(ConnectionId caller);

    /** The error sent back to the author of a refused message, such as {@code {"error":"message is empty"}}. */
    String rejection(MessageRejection rejection);
}
