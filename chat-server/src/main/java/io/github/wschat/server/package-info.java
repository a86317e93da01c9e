/**
 * The server API (PROTOCOL §7) as a container service: an HTTP server on the core's use cases, with the
 * DynamoDB and {@code @connections} adapters, for backends that post into rooms and pages that load history
 * before they open a socket. Deployed behind an HTTP API, a VPC link and an internal Application Load
 * Balancer, as ECS tasks ({@code chat-server/template.yaml}).
 */
package io.github.wschat.server;
