package io.github.wschat.example.crac;

/**
 * A CRaC implementation for tests, in the shape {@code org.crac} looks for in the package that the
 * system property {@code org.crac.Core.Compat} names (as it finds {@code jdk.crac} on a CRaC JDK or
 * Lambda's runtime): {@code org.crac.Core.getGlobalContext().register(…)} lands in {@link #getGlobalContext()},
 * and {@code org.crac.Core.checkpointRestore()} runs every registered resource's hooks, as a
 * checkpoint and a restore would. The property must be set when the JVM starts, before
 * {@code org.crac.Core} loads: see the {@code lambda-container} execution in this module's pom.
 */
public final class Core {

    private static final Context GLOBAL = new Context();

    private Core() {
    }

    public static Context getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        for (Resource resource : GLOBAL.registered()) {
            try {
                resource.beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                CheckpointException failed = new CheckpointException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
        for (Resource resource : GLOBAL.registered()) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception e) {
                RestoreException failed = new RestoreException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
    }
}
