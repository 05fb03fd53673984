/**
 * Events as JSON Lines: one JSON object per line, UTF-8, each line carrying its schema version.
 *
 * <p>The format is {@code telltale-json}'s ({@link dev.telltale.json.EventJson}): this module stores it.
 * {@link dev.telltale.store.jsonl.JsonlEventStore} appends to a file on the drain thread and is
 * opened through {@link dev.telltale.store.jsonl.JsonlStoreProvider}, the store named {@code jsonl}.
 * {@link dev.telltale.store.jsonl.JsonlReader} reads a file back, naming the file and line of any
 * line it cannot decode, or skipping and counting such lines.
 */
package dev.telltale.store.jsonl;
