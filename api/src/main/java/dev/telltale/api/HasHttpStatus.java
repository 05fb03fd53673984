package dev.telltale.api;

/**
 * Implemented by an exception that maps to an HTTP status (404 for not found, 422 for a validation
 * error, …). {@link ErrorSnapshot#of} copies the status into the snapshot when it lies in
 * {@code 100..599}; any other value, or a call that throws, leaves the status out.
 */
public interface HasHttpStatus {

    /** The HTTP status this error maps to. */
    int httpStatus();
}
