/**
 * Cold starts: each handler constructed and given its first event in a fresh JVM, started from its
 * deployment artifact, against local endpoints.
 */
package io.github.wschat.benchmarks.coldstart;
