/**
 * The JavaScript client of the wire protocol, as a static file on the class path below
 * {@value io.github.wschat.web.ChatWebResources#ROOT}: {@link io.github.wschat.web.ChatWebResources} names it and
 * its content type, so that the local runner and the server API's container serve it from this jar.
 */
package io.github.wschat.web;
