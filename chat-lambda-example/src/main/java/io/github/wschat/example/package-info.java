/**
 * The AWS "WebSocket chat app" tutorial in Java, with rooms: four Lambda handlers named after the tutorial's
 * functions and five named after the room routes (join, leave, members, publish, history), each only wiring, over
 * one {@link io.github.wschat.example.ChatApplication} built once per container from the environment; and the
 * {@code $connect} authorizer's handler. Deployed by this module's {@code template.yaml}.
 */
package io.github.wschat.example;
