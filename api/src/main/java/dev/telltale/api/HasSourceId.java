package dev.telltale.api;

/**
 * Implemented by an exception that knows which entity it is about (a record id, a file, a URL).
 * {@link ErrorSnapshot#of} copies the id into the snapshot, cut to
 * {@value ErrorSnapshot#MAX_SOURCE_ID_LENGTH} chars. An implementation that throws or returns
 * {@code null} just leaves the id out.
 */
public interface HasSourceId {

    /** The id of the entity the error is about, or {@code null}. */
    String sourceId();
}
