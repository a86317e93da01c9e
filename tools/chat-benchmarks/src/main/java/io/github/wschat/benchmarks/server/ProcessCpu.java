package io.github.wschat.benchmarks.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time this JVM process has used, all threads together; -1 where the JVM cannot tell. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }
}
