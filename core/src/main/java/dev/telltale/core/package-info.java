/**
 * Telltale's runtime: start it with {@link dev.telltale.core.Events#start}, hand it events with
 * {@link dev.telltale.core.Events#emit}, read {@link dev.telltale.core.Events#health()}, close it.
 * Configuration is {@link dev.telltale.core.EventsConfig}.
 */
package dev.telltale.core;
