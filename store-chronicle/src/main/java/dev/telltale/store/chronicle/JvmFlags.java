package dev.telltale.store.chronicle;

import java.util.ArrayList;
import java.util.List;

/**
 * The JDK internals Chronicle Queue reaches into, checked before it does: without them its first
 * access fails deep inside (an {@code AssertionError} wrapping an {@code IllegalAccessException}),
 * which says nothing of the fix. Any thread.
 */
final class JvmFlags {

    private JvmFlags() {}

    /** The flags this JVM lacks, as they are written on a command line; empty when none is missing. */
    static List<String> missing() {
        Module base = Object.class.getModule();
        Module chronicle = net.openhft.chronicle.queue.ChronicleQueue.class.getModule();
        List<String> missing = new ArrayList<>();
        if (!base.isExported("sun.nio.ch", chronicle)) {
            missing.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        }
        if (!base.isOpen("java.lang.reflect", chronicle)) {
            missing.add("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
        }
        return missing;
    }

    /**
     * @throws IllegalStateException naming the missing flags
     */
    static void require() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the chronicle store needs the JVM flags " + String.join(" ", missing)
                    + " (see docs/operations.md, 'JVM flags'); this JVM was started without them");
        }
    }
}
