/**
 * Reading recorded events: the {@link dev.telltale.api.source.EventSource} SPI. A store module that
 * writes events (an {@link dev.telltale.api.store.EventStoreProvider}) usually reads them back too, with
 * an {@link dev.telltale.api.source.EventSourceProvider} that says which locations it accepts.
 * {@link dev.telltale.api.source.EventSources} asks each provider on the class path and opens the
 * location with the first that accepts it; {@code telltale tail}, {@code stats} and {@code export} read
 * only through it, so a new store on the class path is readable without a change to them.
 */
package dev.telltale.api.source;
