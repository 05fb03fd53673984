package dev.telltale.cli;

import dev.telltale.store.chronicle.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code telltale --version} prints: the project version the build wrote into {@code
 * version.properties}, the Chronicle layout version this CLI writes and reads, and the Java it runs on.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "telltale " + projectVersion(),
            "Chronicle event layout " + EventLog.LAYOUT_VERSION,
            "Java " + System.getProperty("java.version")
        };
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
