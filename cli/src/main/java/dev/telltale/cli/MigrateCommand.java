package dev.telltale.cli;

import dev.telltale.api.export.ExportSinkProvider;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code telltale migrate}: creates or updates Telltale's tables in a PostgreSQL database. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Creates Telltale's tables (events.log, sessions.log) in a PostgreSQL database,",
            "or brings them to this version. Rerunning changes nothing."
        })
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String done = db.withSink(ExportSinkProvider::prepare, db.target().build());
        spec.commandLine().getErr().println(done);
        return TelltaleMain.OK;
    }
}
