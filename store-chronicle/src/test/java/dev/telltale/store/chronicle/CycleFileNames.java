package dev.telltale.store.chronicle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The cycle files of a queue directory, by name. */
final class CycleFileNames {

    private CycleFileNames() {}

    static List<String> in(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".cq4"))
                    .sorted()
                    .toList();
        }
    }
}
