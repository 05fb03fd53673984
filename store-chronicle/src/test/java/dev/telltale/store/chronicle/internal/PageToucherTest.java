package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageToucherTest {

    private static final int PAGES_AHEAD = (int) (PageToucher.AHEAD_BYTES / PageToucher.PAGE_BYTES);

    @TempDir
    Path dir;

    @Test
    void touchAhead_touchesTheWindowOnce_thenOnlyWhatTheWriterMovedInto() {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).build();
                ExcerptAppender appender = queue.createAppender()) {
            PageToucher toucher = new PageToucher();
            assertThat(toucher.touchAhead(appender)).as("before anything is written").isZero();
            write(appender, 0);

            assertThat(toucher.touchAhead(appender)).isEqualTo(PAGES_AHEAD);
            assertThat(toucher.touchAhead(appender)).isZero();
            for (int i = 1; i <= 100; i++) {
                write(appender, i);
            }
            assertThat(toucher.touchAhead(appender)).isBetween(1, 4);
        }
    }

    @Test
    void touchAhead_besideAnotherWriter_changesNoDocument() {
        try (SingleChronicleQueue mine = SingleChronicleQueueBuilder.single(dir.toFile()).build();
                SingleChronicleQueue theirs = SingleChronicleQueueBuilder.single(dir.toFile()).build();
                ExcerptAppender appender = mine.createAppender();
                ExcerptAppender other = theirs.createAppender()) {
            PageToucher toucher = new PageToucher();
            write(appender, 0);
            for (int i = 1; i < 2_000; i++) {
                write(i % 2 == 0 ? appender : other, i);
                toucher.touchAhead(appender);
            }

            List<Long> read = new ArrayList<>();
            ExcerptTailer tailer = mine.createTailer();
            for (boolean more = true; more; ) {
                try (DocumentContext document = tailer.readingDocument()) {
                    more = document.isPresent();
                    if (more) {
                        read.add(document.wire().bytes().readLong());
                    }
                }
            }
            assertThat(read).hasSize(2_000);
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i)).isEqualTo(i * 0x0101010101010101L);
            }
        }
    }

    /** A 64-byte document whose first word is {@code i} repeated in each byte. */
    private static void write(ExcerptAppender appender, int i) {
        try (DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().writeLong(i * 0x0101010101010101L).write(new byte[56]);
        }
    }
}
