package io.github.wschat.example.crac;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The global context of the test CRaC implementation: it remembers each registration, see {@link Core}. */
public final class Context {

    private final List<Resource> registered = new CopyOnWriteArrayList<>();

    Context() {
    }

    public void register(Resource resource) {
        registered.add(resource);
    }

    /** What was registered, in order: {@code org.crac}'s proxies of the registered resources. */
    public List<Resource> registered() {
        return List.copyOf(registered);
    }
}
