package dev.telltale.benchmarks;

import dev.telltale.core.Events;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What each producer thread offered to the global {@link Events}, and what it dropped in the
 * iteration. Telltale counts drops globally (its {@code emit} returns nothing), so one thread
 * reports the whole iteration's delta and the others report 0; JMH sums them.
 *
 * <p>{@code callerBytes}: what the producer threads themselves allocated in the iteration (JMH's
 * {@code -prof gc} counts every thread, the drain's included); {@code callerBytes / offered} is
 * what recording costs the caller in allocation.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class TelltaleDrops {
    public long offered;
    public long dropped;
    public long callerBytes;
    private boolean reporter;
    private long droppedAtStart;
    private long allocatedAtStart;

    @Setup(Level.Iteration)
    public void begin(ThreadParams thread) {
        offered = 0;
        dropped = 0;
        reporter = thread.getThreadIndex() == 0;
        droppedAtStart = Events.global().stats().dropped();
        callerBytes = 0;
        allocatedAtStart = allocatedByThisThread();
    }

    @TearDown(Level.Iteration)
    public void end() {
        callerBytes = allocatedByThisThread() - allocatedAtStart;
        if (reporter) {
            dropped = Events.global().stats().dropped() - droppedAtStart;
        }
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
