/**
 * The exactly-once export engine ({@link dev.telltale.api.export.ExactlyOnceExport}) and the two
 * interfaces its sources and sinks implement. Sources live with the formats they read (a Chronicle
 * queue, a JSON Lines file); sinks with the stores they write (a JSON Lines file, PostgreSQL).
 */
package dev.telltale.api.export;
