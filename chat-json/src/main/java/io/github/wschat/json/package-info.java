/**
 * The chat's JSON wire protocol, done with jackson-jr, as outgoing ports of the core: the tutorial's
 * ({@link io.github.wschat.json.SendMessageBodyParser} reads {@code sendmessage} bodies,
 * {@link io.github.wschat.json.JsonReplyRenderer} renders the {@code $default} reply and error answers)
 * and the rooms' ({@link io.github.wschat.json.JsonRoomRequestParser} reads the room commands,
 * {@link io.github.wschat.json.JsonRoomEventRenderer} renders the room events).
 */
package io.github.wschat.json;
