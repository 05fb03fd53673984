package dev.telltale.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** What the sinks do with a connection that may be gone. */
final class Connections {

    private Connections() {}

    /** Rolls back; a connection that is gone was rolled back by the server itself. */
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            // The connection is gone: the server rolled the transaction back itself.
        }
    }

    /** Closes {@code connection}, if any; closing one that is gone is not an error. */
    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Closing a connection that is gone.
        }
    }
}
