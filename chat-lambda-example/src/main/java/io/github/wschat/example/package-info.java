/**
 * The AWS "WebSocket chat app" tutorial in Java: four Lambda handlers named after the tutorial's
 * functions, each only wiring, over one {@link io.github.wschat.example.ChatApplication} built once
 * per container from the environment. Deployed by this module's {@code template.yaml}.
 */
package io.github.wschat.example;
