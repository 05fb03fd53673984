/**
 * The Chronicle Queue store, Telltale's default recording, and the reader the {@code telltale} CLI
 * tails and exports with.
 *
 * <h2>Writing</h2>
 * {@link dev.telltale.store.chronicle.ChronicleEventStore} appends each event as one document of a
 * Chronicle queue: a directory of memory-mapped cycle files, one per roll cycle (one per hour by
 * default, {@code FAST_HOURLY}). It is the store named {@code chronicle}
 * ({@link dev.telltale.store.chronicle.ChronicleStoreProvider}), with the settings {@code dir},
 * {@code roll-cycle}, {@code retain-cycles}, {@code retain-days} and {@code pretouch}. Only the drain
 * thread calls it. Once the verbs are known, an append allocates nothing: primitives are written
 * straight into the mapped file, texts that repeat (verbs, error types, session-log sources) are copied
 * from a cache of encoded bytes, and a session-log entry's content is encoded straight into the file.
 * Several stores, in this process or others, may append to one directory at once.
 *
 * <p>{@code pretouch}: Chronicle's own pretoucher is an Enterprise feature (in the open-source build
 * {@code createPretoucher()} and {@code appender.pretouch()} log a warning and then fail), so the
 * store reads the 16 MiB ahead of the write position into the page cache, on a thread of its own
 * ({@code telltale-read-ahead}, plain reads: nothing written, nothing mapped), so that appends do not
 * stop to fault in and zero-fill fresh pages.
 *
 * <h2>Layout: raw bytes, versioned</h2>
 * Each document is one event in Telltale's own binary layout, its layout version first (version 1 is
 * specified in {@code internal.EventLayout}): {@code u8 version, u8 type, u8 flags, i64 epochNanos,
 * [session id], payload}, little-endian, texts as a length and WTF-8 bytes (UTF-8 that also keeps a
 * lone surrogate); type 5, a session-log entry of up to about 3 MiB, came later within version 1. A
 * reader refuses a version (or type) it does not know, naming it, and a checked-in queue
 * written by version 1 ({@code src/test/resources/golden-v1}) must keep reading as the same events.
 *
 * <p>Why raw bytes rather than Chronicle Wire's self-describing fields (which Chronicle's own
 * {@code ChronicleReaderMain} can print): measured side by side ({@code ChronicleLayoutBenchmark} in
 * {@code benchmarks}, JDK 17, this 2-core VM, a command that succeeded in a session with a 23-char
 * verb), an append costs 196 ± 128 ns in raw bytes against 379 ± 947 ns as wire fields (two more
 * runs: 208 ± 344 against 379 ± 423, 219 ± 431 against 358 ± 65; short runs on a noisy machine, but
 * raw bytes won each by 1.6 to 1.9 times; both allocate nothing), and the event takes 59 bytes against
 * 94. The price is that {@link dev.telltale.store.chronicle.EventLog} is the complete way to read
 * these files: Chronicle's tools see documents, not fields.
 *
 * <h2>Reading</h2>
 * {@link dev.telltale.store.chronicle.EventLog} opens a directory read-only;
 * {@link dev.telltale.store.chronicle.EventCursor}s read from a
 * {@link dev.telltale.store.chronicle.Position} (start, end, an index, a time) and follow writers
 * across cycle rolls. A named cursor commits its position to {@code readers/NAME.position} (written
 * to a temporary file, forced, renamed) and resumes after it with no gap and no duplicate. Retention
 * never deletes a cycle file that a named reader has not passed, nor the current one. A damaged file
 * or an unknown layout gives an {@link dev.telltale.store.chronicle.EventSourceException} that names the
 * file (and index), never a raw Chronicle failure.
 *
 * <h2>Running it</h2>
 * Chronicle needs these JVM flags on JDK 17 and later (the parent pom's {@code telltale.jvm.flags}):
 * {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 * --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --enable-native-access=ALL-UNNAMED}.
 *
 * <p>No Chronicle type appears in this package's public signatures; Chronicle lives behind the
 * classes of {@code dev.telltale.store.chronicle.internal}.
 */
package dev.telltale.store.chronicle;
