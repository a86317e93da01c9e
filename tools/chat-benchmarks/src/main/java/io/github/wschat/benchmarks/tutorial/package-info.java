/**
 * The baseline: Java ports of the AWS sample's {@code sendmessage} function
 * ({@code aws-samples/simple-websockets-chat-app}, {@code sendmessage/app.js}), defects included.
 */
package io.github.wschat.benchmarks.tutorial;
