package dev.telltale.examples;

import dev.telltale.cli.TelltaleMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's PostgreSQL half: {@code telltale migrate}, {@code telltale export postgres} of the demo's
 * queue, then a query that joins one session's conversation ({@code sessions.log}) to its commands'
 * events ({@code events.log}). With no {@code --jdbc-url} it starts an embedded PostgreSQL (zonky's
 * binaries, from Maven Central) and stops it at the end.
 *
 * <p>Usage: {@code PostgresDemo QUEUE_DIR DATA_DIR [--jdbc-url URL [--user U] [--password-env VAR | --password-file F]]}
 */
public final class PostgresDemo {

    static final String QUERY = String.join(
            "\n",
            "SELECT s.entry_no, s.entry_type, left(s.content, 40) AS content,",
            "       e.event_type, e.verb, (e.payload->>'duration_ns')::bigint / 1000 AS micros",
            "FROM sessions.log s LEFT JOIN events.log e ON e.id = s.event_id",
            "WHERE s.session_id = (SELECT session_id FROM sessions.log WHERE source = 'REPL' LIMIT 1)",
            "ORDER BY s.entry_no LIMIT 9");

    private PostgresDemo() {}

    public static void main(String[] args) throws IOException, SQLException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        Path queue = Path.of(args[0]);
        Path data = Path.of(args[1]);
        List<String> database = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        EmbeddedPostgres embedded = null;
        if (database.isEmpty()) {
            out.println("==> Starting an embedded PostgreSQL (no --jdbc-url given) in " + data);
            Files.createDirectories(data);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
            database.addAll(List.of("--jdbc-url", embedded.getJdbcUrl("postgres", "postgres"), "--user", "postgres"));
        }
        try {
            String[] db = database.toArray(String[]::new);
            run(out, concat(new String[] {"migrate"}, db));
            run(out, concat(new String[] {"export", "postgres", queue.toString(), "--resume", "demo"}, db));
            out.println();
            out.println("==> One REPL session's conversation joined to its commands' events:");
            out.println(QUERY);
            query(out, jdbcUrl(db), option(db, "--user"));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(PrintWriter out, String... args) {
        out.println();
        out.println("==> bin/telltale " + String.join(" ", args));
        PrintWriter console = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int code = TelltaleMain.run(console, console, args);
        if (code != 0) {
            throw new IllegalStateException("telltale " + args[0] + " failed (exit code " + code + ")");
        }
    }

    private static void query(PrintWriter out, String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        jdbcUrl, user, System.getenv().getOrDefault("TELLTALE_DEMO_PASSWORD", ""));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(QUERY)) {
            ResultSetMetaData meta = result.getMetaData();
            int[] widths = {8, 13, 40, 17, 12, 8};
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.append(String.format("%-" + widths[i - 1] + "s ", meta.getColumnLabel(i)));
            }
            out.println(header.toString().stripTrailing());
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = result.getString(i);
                    row.append(String.format(
                            "%-" + widths[i - 1] + "s ", value == null ? "" : value.replaceAll("\\p{Cntrl}", "?")));
                }
                out.println(row.toString().stripTrailing());
            }
        }
    }

    private static String jdbcUrl(String[] args) {
        return option(args, "--jdbc-url");
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
