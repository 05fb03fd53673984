package dev.telltale.api.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the calling thread allocates, for tests that bound allocation (an allocation
 * bound, unlike a timing threshold, does not depend on how busy the machine is). Shared by every
 * module's tests through the api test jar.
 */
public final class AllocationCounter {

    private final com.sun.management.ThreadMXBean threads;

    private AllocationCounter(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /** A counter, or the calling test skipped (a JUnit assumption) when this JVM cannot count. */
    public static AllocationCounter requireSupported() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counting unsupported");
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        assumeTrue(threads.getCurrentThreadAllocatedBytes() >= 0, "thread allocation counting disabled");
        return new AllocationCounter(threads);
    }

    /** Bytes the calling thread has allocated since it started. */
    public long getCurrentThreadAllocatedBytes() {
        return threads.getCurrentThreadAllocatedBytes();
    }
}
