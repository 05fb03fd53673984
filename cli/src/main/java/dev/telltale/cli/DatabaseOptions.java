package dev.telltale.cli;

import dev.telltale.store.postgres.Database;
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

    Database database() {
        Database database;
        try {
            database = Database.at(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jdbc-url: " + e.getMessage());
        }
        if (user != null) {
            database = database.user(user);
        }
        if (password != null && password.env != null) {
            database = database.passwordFromEnv(password.env);
        }
        if (password != null && password.file != null) {
            database = database.passwordFromFile(password.file);
        }
        return database;
    }
}
