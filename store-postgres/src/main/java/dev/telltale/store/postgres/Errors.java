package dev.telltale.store.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What went wrong with a database, in one line a person can act on. */
final class Errors {

    private Errors() {}

    /**
     * The most telling message in {@code failure}'s causes: the driver's own (such as
     * {@code password authentication failed for user "telltale"}), on one line, without control
     * characters, without the pool's wording around it.
     */
    static String oneLine(Throwable failure) {
        Throwable telling = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                telling = cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = telling.getMessage();
        if (message == null || message.isBlank()) {
            message = telling.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        StringBuilder clean = new StringBuilder(message.length());
        message.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return withoutUserInfo(clean.toString().strip());
    }

    /** A URL's user and password ({@code //user:secret@host}) is never shown: {@code //host}. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("//[^/@\\s?#]*@");

    static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceAll("//");
    }

    /**
     * Whether {@code failure} says the database could not be reached or went away (connection
     * refused or reset, server shutting down or starting up), as opposed to a refusal that retrying
     * does not fix (a wrong password, a missing database, a constraint).
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (cause instanceof java.net.ConnectException
                    || cause instanceof java.io.EOFException
                    || cause instanceof java.net.SocketException) {
                return true;
            }
        }
        return failure instanceof SQLTransientConnectionException && failure.getCause() == null;
    }

    static String withoutQuery(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "the database";
        }
        int query = jdbcUrl.indexOf('?');
        return withoutUserInfo(query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
    }
}
