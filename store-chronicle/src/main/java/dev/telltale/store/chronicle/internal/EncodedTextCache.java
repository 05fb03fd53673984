package dev.telltale.store.chronicle.internal;

/**
 * Texts that repeat from event to event (verbs, error types), each encoded once as {@link Wtf8}. A
 * direct-mapped table: a text's slot is chosen by its hash ({@link String#hashCode()} is cached in the
 * string, so it costs nothing after the first time), and a text that lands on a taken slot replaces
 * what was there. A hit compares by identity first (verbs are usually the same constant), then by
 * {@code equals}; neither allocates. Only a miss encodes, and allocates the encoded copy.
 *
 * <p>Not thread-safe: one writer (the drain thread) owns one cache.
 */
public final class EncodedTextCache {

    /** Slots in a cache: {@value}. A recorder sees a few hundred verbs at most. */
    public static final int DEFAULT_SLOTS = 512;

    private final String[] texts;
    private final byte[][] encoded;
    private final int mask;
    private long misses;

    /** A cache with {@code slots} slots, rounded up to a power of two (at least two). */
    public EncodedTextCache(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("slots must be positive, got " + slots);
        }
        int size = Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
        this.texts = new String[size];
        this.encoded = new byte[size][];
        this.mask = size - 1;
    }

    /** {@code text} as WTF-8 bytes. The array is shared: read it, never change it. */
    public byte[] encoded(String text) {
        int hash = text.hashCode();
        int slot = (hash ^ hash >>> 16) & mask;
        String cached = texts[slot];
        if (cached == text || text.equals(cached)) {
            return encoded[slot];
        }
        misses++;
        byte[] bytes = Wtf8.encode(text);
        texts[slot] = text;
        encoded[slot] = bytes;
        return bytes;
    }

    /** How many lookups had to encode: a measure of how well the texts fit. */
    public long misses() {
        return misses;
    }
}
