package dev.telltale.examples;

import dev.telltale.api.HasHttpStatus;
import dev.telltale.api.HasSourceId;

/** What a DSL command can fail with: each kind carries the HTTP status an API would answer. */
public abstract class DslException extends RuntimeException implements HasHttpStatus {

    private static final long serialVersionUID = 1L;

    DslException(String message) {
        super(message);
    }

    /** The arguments are wrong: 422. */
    public static final class Validation extends DslException {
        private static final long serialVersionUID = 1L;

        public Validation(String message) {
            super(message);
        }

        @Override
        public int httpStatus() {
            return 422;
        }
    }

    /** The entity named does not exist: 404, with its id. */
    public static final class NotFound extends DslException implements HasSourceId {
        private static final long serialVersionUID = 1L;
        private final String id;

        public NotFound(String id) {
            super("no entity with id " + id);
            this.id = id;
        }

        @Override
        public int httpStatus() {
            return 404;
        }

        @Override
        public String sourceId() {
            return id;
        }
    }

    /** The verb is not one the DSL knows: 400. */
    public static final class UnknownVerb extends DslException {
        private static final long serialVersionUID = 1L;

        public UnknownVerb(String verb) {
            super("unknown verb " + verb);
        }

        @Override
        public int httpStatus() {
            return 400;
        }
    }
}
