package dev.telltale.api;

/**
 * A small, bounded copy of what a failed command threw. Making one never throws and never copies
 * more than {@value #MAX_MESSAGE_LENGTH} chars of a message, however large the message is, so no
 * large allocation travels further than the failing call.
 *
 * @param errorType the exception's class name, such as {@code java.lang.IllegalStateException}
 * @param message the exception's message cut to {@value #MAX_MESSAGE_LENGTH} chars (a surrogate pair
 *     is never split); empty when there was none
 * @param sourceId the entity the error is about (see {@link HasSourceId}), or {@code null}
 * @param httpStatus the HTTP status it maps to (see {@link HasHttpStatus}), or {@code null}
 * @param verb the verb of the command that failed
 */
public record ErrorSnapshot(String errorType, String message, String sourceId, Integer httpStatus, String verb) {

    /** The longest message a snapshot keeps, in chars: {@value}. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    /** The longest source id a snapshot keeps, in chars: {@value}. */
    public static final int MAX_SOURCE_ID_LENGTH = 200;

    /** The longest error type a snapshot keeps, in chars: {@value}. */
    public static final int MAX_ERROR_TYPE_LENGTH = 200;

    /** Validates the components and cuts each text to its maximum. */
    public ErrorSnapshot {
        errorType = Strings.cut(Strings.requireText(errorType, "errorType"), MAX_ERROR_TYPE_LENGTH);
        message = message == null ? "" : Strings.cut(message, MAX_MESSAGE_LENGTH);
        sourceId = sourceId == null ? null : Strings.cut(sourceId, MAX_SOURCE_ID_LENGTH);
        if (httpStatus != null && !isHttpStatus(httpStatus)) {
            throw new IllegalArgumentException("httpStatus must lie in 100..599, got " + httpStatus);
        }
        verb = Strings.cut(Strings.requireText(verb, "verb"), EventPayload.MAX_VERB_LENGTH);
    }

    /**
     * The snapshot of {@code error}, thrown by the command {@code verb}. Never throws: a
     * {@code getMessage()} that throws gives a message saying so, a {@code null} error gives the type
     * {@code "null"}, and a {@link HasSourceId} or {@link HasHttpStatus} that misbehaves is left out.
     * {@code toString()} of the error is never called.
     *
     * @param error what the command threw; may be {@code null}
     * @param verb the command's verb; a {@code null} or blank verb is recorded as {@code "unknown"}
     */
    public static ErrorSnapshot of(Throwable error, String verb) {
        String safeVerb = verb == null || verb.isBlank() ? "unknown" : verb;
        if (error == null) {
            return new ErrorSnapshot("null", "", null, null, safeVerb);
        }
        return new ErrorSnapshot(
                error.getClass().getName(), messageOf(error), sourceIdOf(error), httpStatusOf(error), safeVerb);
    }

    private static String messageOf(Throwable error) {
        try {
            String message = error.getMessage();
            // Cut before the constructor does, so only this copy is ever made.
            return message == null ? "" : Strings.cut(message, MAX_MESSAGE_LENGTH);
        } catch (Throwable thrown) {
            return "<getMessage() threw " + thrown.getClass().getName() + ">";
        }
    }

    private static String sourceIdOf(Throwable error) {
        if (!(error instanceof HasSourceId withId)) {
            return null;
        }
        try {
            String id = withId.sourceId();
            return id == null ? null : Strings.cut(id, MAX_SOURCE_ID_LENGTH);
        } catch (Throwable thrown) {
            return null;
        }
    }

    private static Integer httpStatusOf(Throwable error) {
        if (!(error instanceof HasHttpStatus withStatus)) {
            return null;
        }
        try {
            int status = withStatus.httpStatus();
            return isHttpStatus(status) ? status : null;
        } catch (Throwable thrown) {
            return null;
        }
    }

    private static boolean isHttpStatus(int status) {
        return status >= 100 && status <= 599;
    }
}
