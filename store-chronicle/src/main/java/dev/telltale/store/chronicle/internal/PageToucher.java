package dev.telltale.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.Wire;

/**
 * Touches the mapped pages just ahead of where an appender writes, so that the first write to a fresh
 * page (a page fault: a few microseconds) is paid here rather than in the middle of an append.
 *
 * <p>Chronicle's own pretoucher ({@code queue.createPretoucher()}, {@code appender.pretouch()}) is an
 * Enterprise feature: in the open-source build it logs a warning and then fails. This does what
 * Chronicle's open-source micro-toucher does, over a window: a compare-and-swap of zero for zero on
 * the first word of each page. That changes no byte (a word another writer has filled is not zero, so
 * the swap fails), so it is safe beside other appenders, in this process or another.
 *
 * <p>Not thread-safe: only the thread that appends (the drain thread) touches.
 */
final class PageToucher {

    /** The page size assumed: {@value} bytes (touching at a finer grain only costs a little more). */
    static final long PAGE_BYTES = 4096;

    /** How far ahead of the write position pages are touched: {@value} bytes. */
    static final long AHEAD_BYTES = 1 << 20;

    private BytesStore<?, ?> store;
    private long touchedUpTo;

    /** Touches the untouched pages of the window ahead of the appender; returns how many it touched. */
    int touchAhead(ExcerptAppender appender) {
        Wire wire = appender.wire();
        if (wire == null) {
            return 0;
        }
        Bytes<?> bytes = wire.bytes();
        BytesStore<?, ?> current = bytes.bytesStore();
        if (current != store) {
            store = current;
            touchedUpTo = 0;
        }
        long next = (bytes.writePosition() + PAGE_BYTES - 1) & -PAGE_BYTES;
        long end = next + AHEAD_BYTES;
        long page = Math.max(touchedUpTo, next);
        int touched = 0;
        for (; page < end && current.inside(page, Long.BYTES); page += PAGE_BYTES) {
            current.compareAndSwapLong(page, 0L, 0L);
            touched++;
        }
        touchedUpTo = Math.max(touchedUpTo, page);
        return touched;
    }
}
