/**
 * The naive Java version of the four handlers, for the cold-start comparison: default SDK clients (with the
 * SDK's default HTTP client), Jackson databind, the DynamoDB enhanced client with a bean table schema.
 * Packaged alone as {@code target/naive-lambda.zip}: nothing here may use another package of this project.
 */
package io.github.wschat.benchmarks.naive;
