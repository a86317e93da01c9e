/**
 * The documented WebSocket chat app as thin Lambda handlers, deployed by the module's SAM template.
 * Filled in by the Lambda example issue.
 */
package io.github.wschat.example;
