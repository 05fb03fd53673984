/**
 * The JSON event format: one event as one JSON object, UTF-8, carrying its schema version
 * ({@link dev.telltale.json.EventJson#SCHEMA_VERSION}). {@link dev.telltale.json.EventJson} documents
 * the fields and converts one event; {@link dev.telltale.json.EventJsonWriter} writes many into a
 * stream; {@link dev.telltale.json.FieldNames} names the fields. A JSON Lines file (the {@code jsonl}
 * store), the {@code payload} column of PostgreSQL's {@code events.log} and {@code telltale tail
 * --format json} all use it.
 *
 * <p>Jackson's streaming API does the JSON; no Jackson type appears in a public signature here.
 */
package dev.telltale.json;
