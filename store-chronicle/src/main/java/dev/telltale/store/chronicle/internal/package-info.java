/**
 * Chronicle Queue behind Telltale's own types: the event layout, the writer and reader facades, cycle
 * files, reader positions, retention. Not part of the API: nothing here is promised to stay, and no
 * Chronicle type appears in {@code dev.telltale.store.chronicle}'s public signatures.
 */
package dev.telltale.store.chronicle.internal;
