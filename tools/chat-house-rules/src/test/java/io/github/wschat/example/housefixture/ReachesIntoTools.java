package io.github.wschat.example.housefixture;

import io.github.wschat.local.LocalWebSocketApi;

/** A library class that uses the workshop: what the house rules must refuse. */
public final class ReachesIntoTools {

    private ReachesIntoTools() {
    }

    public static Class<?> gateway() {
        return LocalWebSocketApi.class;
    }
}
