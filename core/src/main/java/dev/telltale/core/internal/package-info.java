/**
 * Telltale's machinery: the striped queue, the emitter, the drain agent and its runner. Not an API:
 * nothing here is promised to stay, and only {@code dev.telltale.api} types cross module lines.
 */
package dev.telltale.core.internal;
