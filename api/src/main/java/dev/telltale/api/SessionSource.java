package dev.telltale.api;

/** Where a session came from. Persisted by name: never rename a constant, only add new ones. */
public enum SessionSource {
    /** An interactive read-eval-print loop. */
    REPL,
    /** A graphical client (the design note's "Egui"). */
    GUI,
    /** A Model Context Protocol client, such as an agent's tool runner. */
    MCP,
    /** A programmatic API call. */
    API
}
