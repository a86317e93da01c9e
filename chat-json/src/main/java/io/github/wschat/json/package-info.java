/**
 * The chat's JSON wire protocol, done with jackson-jr: {@link io.github.wschat.json.JsonReplyRenderer}
 * renders the {@code $default} reply and error answers in the tutorial's format.
 */
package io.github.wschat.json;
