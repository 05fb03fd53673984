package dev.telltale.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.store.postgres.Schema;
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
        var database = db.database();
        try (HikariDataSource pool = database.pool("telltale-migrate")) {
            Schema.Result result = Schema.migrate(pool);
            spec.commandLine()
                    .getErr()
                    .println(
                            result.applied() == 0
                                    ? database.describe() + " is at schema version " + result.to() + ": nothing to do"
                                    : "migrated " + database.describe() + " from "
                                            + (result.from() == null ? "nothing" : "version " + result.from())
                                            + " to version " + result.to());
        }
        return TelltaleMain.OK;
    }
}
