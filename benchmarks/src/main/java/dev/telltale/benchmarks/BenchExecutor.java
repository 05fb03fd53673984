package dev.telltale.benchmarks;

import dev.telltale.api.Command;
import dev.telltale.api.Instrumented;

/** An executor whose command does almost nothing, so that what is measured is the capture around it. */
@Instrumented
public class BenchExecutor {

    public BenchExecutor() {}

    /** Adds the line's length to a running total: a few instructions. */
    @Command(verb = "bench.run")
    public long run(String line, long total) {
        return total + line.length();
    }
}
