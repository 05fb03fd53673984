package dev.telltale.store.chronicle.internal;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Brings the pages just ahead of where the drain writes into the page cache, on a thread of its own
 * ({@code telltale-read-ahead}), so that the drain's first write to a fresh page does not pay for it.
 *
 * <p>Why: a queue file is sparse ahead of the write position, and the first touch of a page there
 * makes the kernel read it in (zero-filling it, with read-ahead of whole folios): profiled on the
 * drain thread under a steady million events a second, that was a quarter of its time, and its
 * stalls of tens of milliseconds overflowed the queue. Here the same work happens on another thread,
 * ahead of time, by plain reads ({@code pread}) of the file: nothing is written, no block is
 * allocated (a full file system cannot fault), and nothing is mapped (a file cut short cannot
 * {@code SIGBUS}); the drain's later write finds the page in the cache.
 *
 * <p>The drain publishes where it writes ({@link #wrote}: two volatile writes per batch); the thread
 * looks every {@value #PERIOD_MILLIS} ms (backing off to {@value #IDLE_PERIOD_MILLIS} ms while nothing is
 * written, so that an idle recorder costs nothing) and reads up to {@value #AHEAD_BYTES} bytes ahead. Any
 * failure (a file deleted, a directory gone) only makes it start over with the next file.
 */
final class ReadAhead implements Closeable {

    /** How far ahead of the write position pages are read: {@value} bytes (a quarter second at 64 MB/s). */
    static final long AHEAD_BYTES = 16L << 20;

    /** How often the thread looks while the drain writes: {@value} ms. */
    static final long PERIOD_MILLIS = 5;

    /** How often it looks at most while nothing is written (backing off from {@link #PERIOD_MILLIS}): {@value} ms. */
    static final long IDLE_PERIOD_MILLIS = 1000;

    private static final int READ_BYTES = 1 << 16;

    private final Thread thread;
    private volatile File file;
    private volatile long position;
    private volatile boolean closed;
    /** Bytes read ahead in all; for tests. */
    private volatile long bytesRead;

    ReadAhead(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The drain wrote {@code file} up to {@code position}. */
    void wrote(File file, long position) {
        if (this.file != file) {
            this.file = file;
        }
        this.position = position;
    }

    long bytesRead() {
        return bytesRead;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BYTES);
        FileChannel channel = null;
        File open = null;
        long readUpTo = 0;
        long period = PERIOD_MILLIS;
        File lastFile = null;
        long lastPosition = -1;
        while (!closed) {
            File target = file;
            long from = position;
            boolean moved = target != lastFile || from != lastPosition;
            lastFile = target;
            lastPosition = from;
            period = moved ? PERIOD_MILLIS : Math.min(period * 2, IDLE_PERIOD_MILLIS);
            try {
                if (target != null) {
                    if (target != open) {
                        closeQuietly(channel);
                        channel = null;
                        channel = FileChannel.open(target.toPath(), StandardOpenOption.READ);
                        open = target;
                        readUpTo = 0;
                    }
                    long next = Math.max(readUpTo, from);
                    long end = from + AHEAD_BYTES;
                    while (next < end && !closed) {
                        buffer.clear();
                        int read = channel.read(buffer, next);
                        if (read <= 0) {
                            break;
                        }
                        next += read;
                        bytesRead += read;
                    }
                    readUpTo = next;
                }
            } catch (IOException | RuntimeException e) {
                // The file went away or cannot be read: start over with whatever is written next.
                closeQuietly(channel);
                channel = null;
                open = null;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(period));
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Read only: nothing to lose.
            }
        }
    }

    /** Stops the thread; does not wait for it. Idempotent. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
