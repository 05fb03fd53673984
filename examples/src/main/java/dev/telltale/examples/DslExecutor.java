package dev.telltale.examples;

import dev.telltale.api.Command;
import dev.telltale.api.Instrumented;
import dev.telltale.api.Verb;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs DSL commands against an in-memory registry of client business units (CBUs). Every
 * {@link #execute} call is a command Telltale records, with the command's verb.
 *
 * <p>Verbs: {@code cbu.create name=N}, {@code cbu.get id=I}, {@code cbu.rename id=I name=N},
 * {@code cbu.delete id=I}, {@code cbu.list}, {@code report.crash} (fails unexpectedly). Thread-safe.
 */
@Instrumented
public class DslExecutor {

    private final Map<String, String> cbus = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public DslExecutor() {}

    /** Runs one command and returns what it printed. */
    @Command
    public String execute(@Verb("verb") DslCommand command) {
        return switch (command.verb()) {
            case "cbu.create" -> create(require(command, "name"));
            case "cbu.get" -> nameOf(require(command, "id"));
            case "cbu.rename" -> rename(require(command, "id"), require(command, "name"));
            case "cbu.delete" -> delete(require(command, "id"));
            case "cbu.list" -> new TreeMap<>(cbus).toString();
            case "report.crash" -> throw new IllegalStateException("report engine crashed: division by zero in totals");
            default -> throw new DslException.UnknownVerb(command.verb());
        };
    }

    private String create(String name) {
        String id = "cbu-" + nextId.getAndIncrement();
        cbus.put(id, name);
        return id;
    }

    private String nameOf(String id) {
        String name = cbus.get(id);
        if (name == null) {
            throw new DslException.NotFound(id);
        }
        return name;
    }

    private String rename(String id, String name) {
        if (cbus.replace(id, name) == null) {
            throw new DslException.NotFound(id);
        }
        return id + " renamed";
    }

    private String delete(String id) {
        if (cbus.remove(id) == null) {
            throw new DslException.NotFound(id);
        }
        return id + " deleted";
    }

    private static String require(DslCommand command, String key) {
        String value = command.arg(key);
        if (value == null || value.isBlank()) {
            throw new DslException.Validation(command.verb() + " needs " + key + "=…");
        }
        return value;
    }
}
