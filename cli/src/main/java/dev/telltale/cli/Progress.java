package dev.telltale.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on standard error, redrawn at most four times a second; silent when
 * standard error is not a terminal (piped, redirected, or in tests). Single thread.
 */
final class Progress {

    private static final long REDRAW_NANOS = 250_000_000;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A display that shows only on an interactive terminal. */
    static Progress onTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    void update(long done) {
        long now = System.nanoTime();
        if (!enabled || now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        draw(done, now);
    }

    void finish(long done) {
        if (enabled && drawn) {
            draw(done, System.nanoTime());
            err.println();
        }
    }

    private void draw(long done, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        int bar = (int) ((now - startNanos) / REDRAW_NANOS % 20);
        String spinner = " ".repeat(bar) + "=" + " ".repeat(19 - bar);
        err.print(String.format(Locale.ROOT, "\r[%s] %,d events  %,.0f/s", spinner, done, done / seconds));
        err.flush();
        drawn = true;
    }
}
