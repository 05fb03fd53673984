/**
 * The Telltale event model: what user code, generated code and stores agree on.
 *
 * <p>A {@link dev.telltale.api.DslEvent} is a timestamp, an optional session id and one of the four
 * {@link dev.telltale.api.EventPayload} records. Events are immutable and bounded in size: every
 * string an event can carry is cut to a documented maximum when the event is made, so nothing large
 * travels from the caller to the store. {@link dev.telltale.api.EventSink} is the one call an
 * emitting executor makes.
 *
 * <p>This module has no third-party dependency; it is the only Telltale module user code must
 * compile against.
 */
package dev.telltale.api;
