package io.github.wschat.example.crac;

/** A failed {@code beforeCheckpoint}, see {@link Core}. */
public final class CheckpointException extends Exception {
}
