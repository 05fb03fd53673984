package dev.telltale.processor;

import static dev.telltale.processor.Harness.assertFailed;
import static dev.telltale.processor.Harness.assertSucceeded;
import static dev.telltale.processor.Harness.call;
import static dev.telltale.processor.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.JavaFileObjects;
import dev.telltale.api.EventPayload;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commands that return a {@link CompletionStage} are timed to its completion, and return the very
 * stage the original returned. Before completion nothing is emitted, which {@link Harness#emitted()}
 * sees at once (it counts at emit, not when the drain writes).
 */
class AsyncCommandTest {

    private static final JavaFileObject FETCHER = JavaFileObjects.forSourceLines(
            "com.acme.Fetcher",
            "package com.acme;",
            "",
            "import dev.telltale.api.Command;",
            "import dev.telltale.api.Instrumented;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "",
            "@Instrumented",
            "public class Fetcher {",
            "    @Command",
            "    public CompletableFuture<String> fetch(CompletableFuture<String> pending) {",
            "        return pending;",
            "    }",
            "",
            "    @Command",
            "    public CompletionStage<String> stage(CompletionStage<String> pending) {",
            "        return pending;",
            "    }",
            "",
            "    @Command",
            "    public CompletableFuture<String> refuse(IllegalStateException failure) {",
            "        throw failure;",
            "    }",
            "}");

    private static ClassLoader loader;

    @RegisterExtension
    final Harness harness = new Harness();

    private Object fetcher;

    @BeforeAll
    static void compile() {
        loader = Harness.compile(true, FETCHER);
    }

    @BeforeEach
    void createFetcher() throws Throwable {
        fetcher = create(loader, "com.acme.FetcherFactory");
    }

    @Test
    void completableFuture_isRecordedOnlyWhenItCompletes_andIsTheSameInstance() throws Throwable {
        CompletableFuture<String> pending = new CompletableFuture<>();

        Object returned = call(fetcher, "fetch", pending);

        assertThat(returned).isSameAs(pending);
        assertThat(harness.emitted()).as("emitted before completion").isZero();

        CompletableFuture.runAsync(() -> pending.complete("done")).join();

        assertThat(harness.emitted()).isEqualTo(1);
        assertThat(pending).isCompletedWithValue("done");
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "fetch", null));
    }

    @Test
    void completableFuture_completedExceptionally_recordsFailedWithTheCause() throws Throwable {
        CompletableFuture<String> pending = new CompletableFuture<>();
        TimeoutException cause = new TimeoutException("too slow");

        Object returned = call(fetcher, "fetch", pending);
        assertThat(harness.emitted()).isZero();
        pending.completeExceptionally(cause);

        assertThat(returned).isSameAs(pending);
        assertThat(pending).isCompletedExceptionally();
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "fetch", null, cause));
    }

    @Test
    void completionStage_failingInADependentStage_recordsTheUnwrappedCause() throws Throwable {
        CompletableFuture<String> source = new CompletableFuture<>();
        IllegalArgumentException cause = new IllegalArgumentException("bad value");
        CompletionStage<String> dependent = source.thenApply(value -> {
            throw cause;
        });

        assertThat(call(fetcher, "stage", dependent)).isSameAs(dependent);
        source.complete("value");

        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "stage", null, cause));
    }

    @Test
    void completionStage_alreadyComplete_isRecordedAtOnce() throws Throwable {
        CompletableFuture<String> done = CompletableFuture.completedFuture("ready");

        assertThat(call(fetcher, "stage", done)).isSameAs(done);

        assertThat(harness.emitted()).isEqualTo(1);
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "stage", null));
    }

    @Test
    void completionStage_null_isRecordedAsDoneAndReturned() throws Throwable {
        assertThat(call(fetcher, "fetch", new Object[] {null})).isNull();
        assertThat(harness.events()).singleElement().satisfies(event -> assertSucceeded(event, "fetch", null));
    }

    @Test
    void asyncMethod_throwingBeforeReturningAStage_recordsFailedAndRethrows() {
        IllegalStateException failure = new IllegalStateException("refused");

        assertThat(catchThrowable(() -> call(fetcher, "refuse", failure))).isSameAs(failure);
        assertThat(harness.events()).singleElement().satisfies(event -> assertFailed(event, "refuse", null, failure));
    }

    @Test
    void completableFuture_completedOnAnotherThread_isCountedInTheCallersSession() throws Throwable {
        CompletableFuture<String> pending = new CompletableFuture<>();
        TelltaleSession opened;
        try (TelltaleSession session = TelltaleSession.open(SessionSource.MCP)) {
            opened = session;
            call(fetcher, "fetch", pending);
            CompletableFuture.runAsync(() -> pending.complete("done")).join();
        }

        assertThat(harness.events())
                .satisfiesExactly(
                        event -> assertThat(event.payload())
                                .isEqualTo(new EventPayload.SessionStarted(SessionSource.MCP)),
                        event -> assertSucceeded(event, "fetch", opened.id()),
                        event -> assertThat(event.payload())
                                .isInstanceOfSatisfying(
                                        EventPayload.SessionEnded.class,
                                        ended ->
                                                assertThat(ended.commandCount()).isEqualTo(1)));
    }
}
