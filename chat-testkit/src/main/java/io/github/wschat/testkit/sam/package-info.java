/**
 * The SAM template reader: {@link io.github.wschat.testkit.sam.SamTemplate} for any template as plain YAML
 * (resources by logical id or type, the ids an intrinsic refers to), and
 * {@link io.github.wschat.testkit.sam.SamWebSocketApi} for what a WebSocket API's template says to serve for
 * given parameter values: the route selection expression, the stage, each route's handler class and its
 * Lambda authorizer, conditions evaluated as a deployment would.
 */
package io.github.wschat.testkit.sam;
