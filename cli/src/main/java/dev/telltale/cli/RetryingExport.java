package dev.telltale.cli;

import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.source.EventSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exactly-once export to a sink whose target may go away for a while (a database, a Kafka
 * broker): when the sink calls a failure {@linkplain ExportSink#isTransient transient} and it reached its
 * target once, a new sink, after a backoff (1 s doubling to 30 s), continues from the last commit, for
 * at most {@code retryFor} of waiting in a row. Says each wait on standard error. A following export
 * ({@code --follow}) runs until the process is asked to stop ({@link StopOnSignal}).
 */
final class RetryingExport {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** Opens a fresh sink for each attempt. */
    @FunctionalInterface
    interface SinkOpener {
        ExportSink open() throws IOException;
    }

    /** Runs one attempt on a sink: the engine, set up by the command. */
    @FunctionalInterface
    interface Attempt {
        ExactlyOnceExport.Result run(ExportSink sink) throws IOException;
    }

    /** What all attempts did: the last attempt's result, the events this run exported in all, the sink's name. */
    record Outcome(ExactlyOnceExport.Result last, long exportedHere, String sink) {}

    private RetryingExport() {}

    /**
     * Exports {@code events} through the engine into the sinks {@code opener} opens, retrying as
     * {@link #run} does, with a progress line on a terminal; says what it exported on {@code err}.
     *
     * @param prefix the sink's kind, which names the export at the source ({@code postgres-NAME})
     */
    static int exportTo(
            SinkOpener opener,
            EventSource events,
            String prefix,
            ExportSourceOptions source,
            String resume,
            Duration retryFor,
            PrintWriter err)
            throws IOException, InterruptedException {
        Progress progress = Progress.onTerminal(err);
        long started = System.nanoTime();
        try (StopOnSignal stop = source.follow ? StopOnSignal.install() : null) {
            Outcome outcome = run(
                    opener,
                    sink -> {
                        ExactlyOnceExport.Builder export = ExactlyOnceExport.builder()
                                .source(events, prefix + "-" + resume, source.start())
                                .sink(sink)
                                .batchSize(source.checkpointEvery)
                                .progress(progress::update);
                        return stop == null
                                ? export.run()
                                : export.follow(stop::requested).run();
                    },
                    retryFor,
                    stop,
                    err);
            progress.finish(outcome.last().exportedInAll());
            err.println("exported " + outcome.exportedHere() + " events to " + outcome.sink()
                    + " (" + outcome.last().exportedInAll() + " in all under '" + resume + "', origin "
                    + events.origin() + ")" + String.format(" in %.1f s", (System.nanoTime() - started) / 1e9)
                    + (stop == null ? "" : "; stopped"));
            err.flush();
            return TelltaleMain.OK;
        }
    }

    /**
     * Runs attempts until one ends; retries as the class says.
     *
     * @param stop for a following export, the stop that also ends a wait between attempts; or {@code null}
     */
    static Outcome run(SinkOpener opener, Attempt attempt, Duration retryFor, StopOnSignal stop, PrintWriter err)
            throws IOException, InterruptedException {
        long exportedHere = 0;
        boolean everReached = false;
        Duration wait = FIRST_WAIT;
        long waitingSince = 0;
        while (true) {
            ExportSink sink = opener.open();
            try {
                ExactlyOnceExport.Result result = attempt.run(sink);
                exportedHere += result.exported();
                return new Outcome(result, exportedHere, sink.describe());
            } catch (IOException e) {
                everReached |= sink.reached();
                if (!sink.isTransient(e) || !everReached) {
                    throw e;
                }
                long now = System.nanoTime();
                if (waitingSince == 0) {
                    waitingSince = now;
                }
                if (now - waitingSince > retryFor.toNanos()) {
                    throw new IOException(
                            e.getMessage() + "; gave up after waiting " + retryFor.toSeconds()
                                    + " s (--retry-for); a rerun continues from the last commit",
                            e);
                }
                err.println("telltale: " + TelltaleMain.oneLine(e) + "; retrying in " + wait.toSeconds()
                        + " s (nothing is lost: the export continues from its last commit)");
                err.flush();
                if (stop == null) {
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                } else if (stop.await(wait)) {
                    throw new IOException(
                            "stopped while waiting for " + sink.describe()
                                    + " to come back; a rerun continues from the last commit",
                            e);
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            } finally {
                sink.close();
            }
            if (sink.reached()) {
                waitingSince = 0;
            }
        }
    }
}
