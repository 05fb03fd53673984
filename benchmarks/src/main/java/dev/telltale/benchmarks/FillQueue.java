package dev.telltale.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a Chronicle queue of COUNT commands into DIR (the input of {@link ExportBenchmark}: 8
 * sessions, 8 verbs, one in 32 failed), for measuring whole commands on a queue of any size, such as
 * {@code telltale report} on 100 million events. Arguments: DIR COUNT.
 */
public final class FillQueue {

    private FillQueue() {}

    public static void main(String[] args) throws Exception {
        Path queue = Paths.get(args[0]);
        int count = Integer.parseInt(args[1]);
        Path work = Files.createTempDirectory("telltale-fill");
        long start = System.nanoTime();
        ExportBenchmark.writeCommands(work, queue, count);
        System.out.printf("wrote %,d events to %s in %.1f s%n", count, queue, (System.nanoTime() - start) / 1e9);
        TempDirs.delete(work);
    }
}
