package dev.telltale.benchmarks;

import dev.telltale.core.Events;
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
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class TelltaleDrops {
    public long offered;
    public long dropped;
    private boolean reporter;
    private long droppedAtStart;

    @Setup(Level.Iteration)
    public void begin(ThreadParams thread) {
        offered = 0;
        dropped = 0;
        reporter = thread.getThreadIndex() == 0;
        droppedAtStart = Events.global().stats().dropped();
    }

    @TearDown(Level.Iteration)
    public void end() {
        if (reporter) {
            dropped = Events.global().stats().dropped() - droppedAtStart;
        }
    }
}
