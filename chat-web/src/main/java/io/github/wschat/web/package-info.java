/**
 * The browser chat page and its JavaScript client, as static files on the class path below
 * {@value io.github.wschat.web.ChatWebResources#ROOT}: {@link io.github.wschat.web.ChatWebResources} names them and
 * their content types, so that the local runner and the server API's container serve them from this jar, with
 * a {@code config.json} of their own beside them.
 */
package io.github.wschat.web;
