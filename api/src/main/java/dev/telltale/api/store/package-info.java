/**
 * The store SPI: where the drain thread puts events.
 *
 * <p>A store is found by name: each {@link dev.telltale.api.store.EventStoreProvider} is a
 * {@link java.util.ServiceLoader} service (register it with {@code @AutoService}), and the
 * configuration names the one to open. Core never names a store class.
 */
package dev.telltale.api.store;
