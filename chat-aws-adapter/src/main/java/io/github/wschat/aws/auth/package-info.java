/**
 * Identity on API Gateway: the JWT REQUEST authorizer of {@code $connect} and the context it hands to every
 * later route of the connection ({@link io.github.wschat.aws.auth.AuthorizerContext}).
 */
package io.github.wschat.aws.auth;
