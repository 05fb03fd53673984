package dev.telltale.cli;

import dev.telltale.api.source.EventSourceProvider;
import dev.telltale.api.source.EventSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code telltale --version} prints: the project version the build wrote into {@code
 * version.properties}, what each event source on the class path reads (with its format's version),
 * and the Java it runs on.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("telltale " + projectVersion());
        for (EventSourceProvider provider : EventSources.providers()) {
            lines.add(provider.name() + " reads " + provider.reads());
        }
        lines.add("Java " + System.getProperty("java.version"));
        return lines.toArray(String[]::new);
    }

    /** The version of the Telltale build this CLI comes from. */
    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the telltale CLI");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
