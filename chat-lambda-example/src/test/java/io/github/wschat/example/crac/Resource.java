package io.github.wschat.example.crac;

/** What {@code org.crac}'s proxies of registered resources implement here, see {@link Core}. */
public interface Resource {

    void beforeCheckpoint(Context context) throws Exception;

    void afterRestore(Context context) throws Exception;
}
