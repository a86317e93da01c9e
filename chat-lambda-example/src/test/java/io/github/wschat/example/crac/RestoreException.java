package io.github.wschat.example.crac;

/** A failed {@code afterRestore}, see {@link Core}. */
public final class RestoreException extends Exception {
}
