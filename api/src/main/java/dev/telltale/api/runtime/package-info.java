/**
 * Where generated code and sessions send events. {@link dev.telltale.api.runtime.EventRuntime} is
 * a {@link java.util.ServiceLoader} service that Telltale's core provides; without it on the class
 * path, nothing is recorded and nothing fails. {@link dev.telltale.api.runtime.Capture} holds the
 * calls the generated {@code *_Events} subclasses make; it is public for them, not for user code.
 */
package dev.telltale.api.runtime;
