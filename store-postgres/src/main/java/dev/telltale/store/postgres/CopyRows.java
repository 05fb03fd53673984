package dev.telltale.store.postgres;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code events.log} rows an export writes, encoded as its {@code COPY} sends them; for the
 * benchmark that measures a raw {@code COPY} of the same rows beside the export.
 */
public final class CopyRows {

    /** The statement the rows are sent with. */
    public static final String COPY_EVENTS = BatchWriter.COPY_EVENTS;

    private CopyRows() {}

    /**
     * The COPY text of {@code events} (none a session entry) from {@code origin}, at positions 0, 1, 2, ...
     */
    public static byte[] events(UUID origin, List<DslEvent> events) throws IOException {
        long[] positions = new long[events.size()];
        Arrays.setAll(positions, i -> i);
        return new BatchWriter().encodeEvents(origin, events, positions);
    }
}
