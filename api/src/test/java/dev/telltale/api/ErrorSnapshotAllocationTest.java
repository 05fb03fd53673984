package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.testing.AllocationCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorSnapshot#of} copies at most {@value ErrorSnapshot#MAX_MESSAGE_LENGTH} chars of a
 * message, however long it is. Checked with the bytes this thread allocates around one call: an
 * allocation bound, not a timing threshold. Skipped on a JVM that cannot count them.
 */
class ErrorSnapshotAllocationTest {

    private static final int TEN_MILLION = 10_000_000;

    /** Far above one snapshot (well under 10 kB), far below one copy of the message (10 MB or more). */
    private static final long BOUND_BYTES = 1024 * 1024;

    private AllocationCounter threads;

    @BeforeEach
    void requireAllocationCounting() {
        threads = AllocationCounter.requireSupported();
    }

    @Test
    void of_whenMessageIsTenMegabytesOfLatin1_allocatesFarLessThanTheMessage() {
        RuntimeException error = new RuntimeException("x".repeat(TEN_MILLION));

        long allocated = bytesAllocatedBy(error);

        assertThat(allocated).as("bytes allocated by one ErrorSnapshot.of").isLessThan(BOUND_BYTES);
    }

    @Test
    void of_whenMessageIsTenMegabytesOfUtf16_allocatesFarLessThanTheMessage() {
        // A char outside Latin-1 makes the JDK store the string as UTF-16: 20 MB.
        RuntimeException error = new RuntimeException("\u0436".repeat(TEN_MILLION));

        long allocated = bytesAllocatedBy(error);

        assertThat(allocated).as("bytes allocated by one ErrorSnapshot.of").isLessThan(BOUND_BYTES);
    }

    /** The fewest bytes one call allocated over a few tries, after a warm-up. */
    private long bytesAllocatedBy(Throwable error) {
        for (int i = 0; i < 2_000; i++) {
            ErrorSnapshot.of(error, "warm.up");
        }
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            ErrorSnapshot snapshot = ErrorSnapshot.of(error, "cbu.create");
            long after = threads.getCurrentThreadAllocatedBytes();
            assertThat(snapshot.message()).hasSize(ErrorSnapshot.MAX_MESSAGE_LENGTH);
            fewest = Math.min(fewest, after - before);
        }
        return fewest;
    }
}
