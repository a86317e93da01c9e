/**
 * A JWT issuer on loopback ({@link io.github.wschat.testkit.jwt.LoopbackIssuer}): RSA and EC keys, their JSON
 * Web Key Set over HTTP, valid tokens and the classic forgeries, and a development token endpoint. The one
 * issuer of the authorizer's tests and of the local runner's {@code CHAT_AUTH=dev}.
 */
package io.github.wschat.testkit.jwt;
