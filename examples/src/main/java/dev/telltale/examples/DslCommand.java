package dev.telltale.examples;

import java.util.List;

/**
 * One parsed command line: {@code cbu.create name=Acme} is verb {@code cbu.create} with argument
 * {@code name=Acme}.
 *
 * @param verb the verb, such as {@code cbu.create}
 * @param args the arguments after the verb
 */
public record DslCommand(String verb, List<String> args) {

    public DslCommand {
        args = List.copyOf(args);
    }

    /** Parses a line; blank lines are not commands. */
    public static DslCommand parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new DslException.Validation("empty command");
        }
        return new DslCommand(words[0], List.of(words).subList(1, words.length));
    }

    /** The value of argument {@code key=value}, or {@code null}. */
    public String arg(String key) {
        for (String arg : args) {
            if (arg.startsWith(key + "=")) {
                return arg.substring(key.length() + 1);
            }
        }
        return null;
    }
}
