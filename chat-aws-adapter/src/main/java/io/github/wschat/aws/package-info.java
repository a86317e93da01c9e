/**
 * AWS adapters of the chat's ports: a DynamoDB {@code ConnectionStore}, an API Gateway Management
 * API {@code MessageSender} and the adapter from Lambda WebSocket events to the use cases.
 * Filled in by the AWS adapters issue.
 */
package io.github.wschat.aws;
