package dev.telltale.api.export;

/**
 * How far an export got, committed by the sink together with the output it describes: the position
 * of the last event the output holds, and how many events the output holds from this export.
 *
 * @param lastPosition the source position of the last event exported, or {@link #NOTHING_YET}
 * @param exported how many events this export (all its runs) has written
 */
public record ExportCheckpoint(long lastPosition, long exported) {

    /** {@link #lastPosition()} of an export that has written nothing yet: {@value}. */
    public static final long NOTHING_YET = Long.MIN_VALUE;

    /** The checkpoint of an export that has written nothing yet. */
    public static final ExportCheckpoint START = new ExportCheckpoint(NOTHING_YET, 0);

    public ExportCheckpoint {
        if (exported < 0) {
            throw new IllegalArgumentException("exported must not be negative, got " + exported);
        }
    }

    /** Whether anything was exported. */
    public boolean hasPosition() {
        return lastPosition != NOTHING_YET;
    }
}
