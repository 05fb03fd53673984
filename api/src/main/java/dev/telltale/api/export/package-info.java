/**
 * The exactly-once export engine ({@link dev.telltale.api.export.ExactlyOnceExport}), which reads an
 * {@link dev.telltale.api.source.EventSource} and writes an {@link dev.telltale.api.export.ExportSink};
 * sinks are opened by {@link dev.telltale.api.export.ExportSinkProvider}s that live with the stores they
 * write (a JSON Lines file, PostgreSQL) and are found by name through
 * {@link dev.telltale.api.export.ExportSinks}.
 */
package dev.telltale.api.export;
