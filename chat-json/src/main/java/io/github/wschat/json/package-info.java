/**
 * The chat's JSON wire protocol, done with jackson-jr: {@link io.github.wschat.json.JsonReplyRenderer}
 * renders the {@code $default} reply and error answers in the tutorial's format, and
 * {@link io.github.wschat.json.SendMessageBodyParser} reads {@code sendmessage} bodies; both are
 * outgoing ports of the core.
 */
package io.github.wschat.json;
