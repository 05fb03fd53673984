package dev.telltale.api.store;

import java.io.IOException;

/**
 * A batch that a store could append only in part: the first {@link #appended()} events of the batch
 * are persisted (a reader will see them), the rest are not. A store throws this, rather than a plain
 * {@link IOException}, whenever a failure leaves some of the batch written, so that Telltale's
 * counters match what the files hold: the drain counts {@code appended()} events as persisted and the
 * rest as lost.
 */
public class StoreAppendException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int appended;

    /**
     * @param message what failed, naming the file or directory
     * @param appended how many events of the batch, from its start, are persisted; 0 or more
     * @param cause the failure
     */
    public StoreAppendException(String message, int appended, Throwable cause) {
        super(message, cause);
        if (appended < 0) {
            throw new IllegalArgumentException("appended must not be negative, got " + appended);
        }
        this.appended = appended;
    }

    /** How many events of the batch, from its start, are persisted. */
    public int appended() {
        return appended;
    }
}
