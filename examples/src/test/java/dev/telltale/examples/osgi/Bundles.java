package dev.telltale.examples.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The jars a framework test installs: the build's own bundles, and the DSL executor made into one. */
final class Bundles {

    private Bundles() {}

    /**
     * The jar the build made for {@code property} (set by this module's surefire configuration), or
     * {@code null} when the build handed a classes directory instead (a reactor run that stopped
     * before {@code package}): a bundle needs its jar's manifest.
     */
    static Path built(String property) {
        String path = System.getProperty(property);
        return path != null && path.endsWith(".jar") && Files.isRegularFile(Path.of(path)) ? Path.of(path) : null;
    }

    /**
     * The DSL executor of {@code classes} (the plain build's or the events build's) as a bundle that
     * imports the api only, as a user's bundle would.
     */
    static Path executor(Path classes, String symbolicName, Path into) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "dev.telltale.api;version=\"[0.1,1)\"");
        main.putValue("Export-Package", "dev.telltale.examples;version=\"1.0.0\"");
        Path jar = into.resolve(symbolicName + ".jar");
        Path pkg = classes.resolve("dev/telltale/examples");
        List<Path> files;
        try (Stream<Path> listed = Files.list(pkg)) {
            files = listed.filter(file -> file.getFileName().toString().startsWith("Dsl"))
                    .sorted()
                    .toList();
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry("dev/telltale/examples/" + file.getFileName()));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
