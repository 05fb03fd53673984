/**
 * Telltale in an OSGi framework: the bundle activator that installs the runtime, finds the store
 * bundles and closes the recorder when the bundle stops. Not API.
 */
package dev.telltale.core.osgi;
