package dev.telltale.cli;

import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportSinks;
import dev.telltale.api.export.ExportTarget;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the database is: {@code --jdbc-url}, {@code --user}, and the password by environment
 * variable or file, never on the command line (where {@code ps} and the shell's history show it).
 */
final class DatabaseOptions {

    @Option(
            names = "--jdbc-url",
            required = true,
            paramLabel = "URL",
            description = "The database, such as jdbc:postgresql://localhost:5432/telltale.")
    String jdbcUrl;

    @Option(
            names = "--user",
            paramLabel = "USER",
            description = "The database user (default: the URL's, or the driver's).")
    String user;

    @ArgGroup(exclusive = true)
    Password password;

    static final class Password {
        @Option(
                names = "--password-env",
                paramLabel = "VAR",
                description = "Read the password from this environment variable.")
        String env;

        @Option(
                names = "--password-file",
                paramLabel = "FILE",
                description = "Read the password from this file's first line.")
        Path file;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The database as an export target: the URL, the user, where the password is. */
    ExportTarget.Builder target() {
        return ExportTarget.at(jdbcUrl)
                .user(user)
                .passwordEnv(password == null ? null : password.env)
                .passwordFile(password == null ? null : password.file);
    }

    /**
     * The sink named {@code postgres} opened for {@code target}, or prepared ({@code migrate}); a setting
     * the sink refuses (not a PostgreSQL URL, a blank variable name) is a usage error naming it.
     */
    <T> T withSink(SinkCall<T> call, ExportTarget target) throws IOException {
        try {
            return call.apply(ExportSinks.named("postgres"), target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jdbc-url: " + e.getMessage());
        }
    }

    /** What is done with the sink provider. */
    @FunctionalInterface
    interface SinkCall<T> {
        T apply(ExportSinkProvider provider, ExportTarget target) throws IOException;
    }
}
