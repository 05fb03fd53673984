/**
 * The {@code telltale} command: {@code tail} (follow recorded events live), {@code export jsonl}
 * (exactly once, resumable), {@code stats} (counts and duration percentiles). Built on picocli;
 * {@link dev.telltale.cli.TelltaleMain} is the entry point and owns the exit codes.
 */
package dev.telltale.cli;
