/**
 * Runs a SAM-deployed WebSocket chat on this machine: {@link io.github.wschat.local.runner.LocalChat}
 * reads the routes and handler classes from the SAM template, hosts them in the local WebSocket API
 * and gives them a DynamoDB (an in-process DynamoDB Local by default) through the SDK's standard
 * endpoint settings.
 */
package io.github.wschat.local.runner;
