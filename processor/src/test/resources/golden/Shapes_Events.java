package com.acme;

import dev.telltale.api.Capture;
import dev.telltale.api.TelltaleSession;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Records every {@code @Command} call of {@link Shapes} as a Telltale event.
 * Obtained through {@link ShapesFactory}; not meant to be named by user code.
 */
@Generated(
        value = "dev.telltale.processor.InstrumentedProcessor",
        comments = "from @Instrumented com.acme.Shapes"
)
final class Shapes_Events extends Shapes {
    private static final String VERB_CONSTANT = "shape.constant";

    private static final String VERB_NAMED = "named";

    private static final String VERB_PING = "shape.ping";

    Shapes_Events() {
        super();
    }

    Shapes_Events(String name) throws IOException {
        super(name);
    }

    @Override
    public String constant(String line) throws IOException {
        if (!Capture.isEnabled()) {
            return super.constant(line);
        }
        TelltaleSession session = Capture.currentSession();
        long start = System.nanoTime();
        String result;
        try {
            result = super.constant(line);
        } catch (Throwable failure) {
            Capture.failed(VERB_CONSTANT, session, start, failure);
            throw failure;
        }
        Capture.succeeded(VERB_CONSTANT, session, start);
        return result;
    }

    @Override
    public void named() {
        if (!Capture.isEnabled()) {
            super.named();
            return;
        }
        TelltaleSession session = Capture.currentSession();
        long start = System.nanoTime();
        try {
            super.named();
        } catch (Throwable failure) {
            Capture.failed(VERB_NAMED, session, start, failure);
            throw failure;
        }
        Capture.succeeded(VERB_NAMED, session, start);
    }

    @Override
    public String argument(String verb, int... counts) {
        if (!Capture.isEnabled()) {
            return super.argument(verb, counts);
        }
        String verb_ = Capture.verb(verb);
        TelltaleSession session = Capture.currentSession();
        long start = System.nanoTime();
        String result;
        try {
            result = super.argument(verb, counts);
        } catch (Throwable failure) {
            Capture.failed(verb_, session, start, failure);
            throw failure;
        }
        Capture.succeeded(verb_, session, start);
        return result;
    }

    @Override
    public String accessor(Shapes.Request command) {
        if (!Capture.isEnabled()) {
            return super.accessor(command);
        }
        String verb;
        try {
            verb = command == null ? Capture.UNKNOWN_VERB : Capture.verb(command.verb());
        } catch (Throwable accessorFailed) {
            verb = Capture.UNKNOWN_VERB;
        }
        TelltaleSession session = Capture.currentSession();
        long start = System.nanoTime();
        String result;
        try {
            result = super.accessor(command);
        } catch (Throwable failure) {
            Capture.failed(verb, session, start, failure);
            throw failure;
        }
        Capture.succeeded(verb, session, start);
        return result;
    }

    @Override
    public Shapes.Kind kind(Shapes.Kind kind, UUID session) {
        if (!Capture.isEnabled()) {
            return super.kind(kind, session);
        }
        String verb = Capture.verb(kind);
        long start = System.nanoTime();
        Shapes.Kind result;
        try {
            result = super.kind(kind, session);
        } catch (Throwable failure) {
            Capture.failed(verb, session, start, failure);
            throw failure;
        }
        Capture.succeeded(verb, session, start);
        return result;
    }

    @Override
    public CompletionStage<String> later(Shapes.Request request) {
        if (!Capture.isEnabled()) {
            return super.later(request);
        }
        String verb;
        try {
            verb = request == null ? Capture.UNKNOWN_VERB : Capture.verb(request.verb());
        } catch (Throwable accessorFailed) {
            verb = Capture.UNKNOWN_VERB;
        }
        UUID session;
        try {
            session = request == null ? null : request.session();
        } catch (Throwable accessorFailed) {
            session = null;
        }
        long start = System.nanoTime();
        CompletionStage<String> result;
        try {
            result = super.later(request);
        } catch (Throwable failure) {
            Capture.failed(verb, session, start, failure);
            throw failure;
        }
        return Capture.completion(result, verb, session, start);
    }

    @Override
    public String ping() {
        if (!Capture.isEnabled()) {
            return super.ping();
        }
        TelltaleSession session = Capture.currentSession();
        long start = System.nanoTime();
        String result;
        try {
            result = super.ping();
        } catch (Throwable failure) {
            Capture.failed(VERB_PING, session, start, failure);
            throw failure;
        }
        Capture.succeeded(VERB_PING, session, start);
        return result;
    }
}
