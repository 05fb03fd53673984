package dev.telltale.api.testing;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid inputs (golden files, golden lines), for the readers' fuzz suites: each
 * input is a seed with one to eight mutations (bit flips, bytes set to edge values, bytes inserted,
 * removed or repeated, the input cut short or a run of it repeated). The same seed gives the same
 * inputs, so a failure names the seed and iteration that reproduce it. How many per target:
 * {@code -Dfuzz.iterations} (a short run by default, a million with the build's {@code fuzz} profile).
 */
public final class FuzzInputs {

    private static final byte[] EDGES = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, '"', '\\', '{', '}'};

    private final List<byte[]> seeds;
    private final SplittableRandom random;
    private final long seed;

    public FuzzInputs(List<byte[]> seeds, long seed) {
        this.seeds = List.copyOf(seeds);
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** How many inputs a fuzz target tries: {@code -Dfuzz.iterations}, else {@code fallback}. */
    public static int iterations(int fallback) {
        return Integer.getInteger("fuzz.iterations", fallback);
    }

    /** What a fuzz target reads: one input. */
    @FunctionalInterface
    public interface Reader {
        void read(byte[] input) throws Exception;
    }

    /**
     * Reads {@code iterations} inputs with {@code reader}: each must be read, or fail with
     * {@code expected} whose message is one line holding {@code named}; anything else thrown fails,
     * naming the seed, the iteration and the input. Returns how many were read.
     */
    public int run(int iterations, Reader reader, Class<? extends Exception> expected, String named) {
        int read = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] input = next();
            try {
                reader.read(input);
                read++;
            } catch (Exception | StackOverflowError thrown) {
                String message = thrown.getMessage();
                if (!expected.isInstance(thrown)
                        || message == null
                        || message.isBlank()
                        || message.contains("\n")
                        || !message.contains(named)) {
                    throw new AssertionError(
                            "input " + i + " of seed " + seed + " ("
                                    + java.util.HexFormat.of().formatHex(input) + ") threw " + thrown,
                            thrown);
                }
            }
        }
        return read;
    }

    /** The next mutated input. */
    public byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] input) {
        if (input.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(input.length);
        switch (random.nextInt(7)) {
            case 0 -> input[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> input[at] = EDGES[random.nextInt(EDGES.length)];
            case 2 -> input[at] = (byte) random.nextInt(256);
            case 3 -> {
                byte[] longer = Arrays.copyOf(input, input.length + 1);
                System.arraycopy(input, at, longer, at + 1, input.length - at);
                longer[at] = (byte) random.nextInt(256);
                return longer;
            }
            case 4 -> {
                byte[] shorter = new byte[input.length - 1];
                System.arraycopy(input, 0, shorter, 0, at);
                System.arraycopy(input, at + 1, shorter, at, input.length - at - 1);
                return shorter;
            }
            case 5 -> {
                return Arrays.copyOf(input, at);
            }
            default -> {
                int length = 1 + random.nextInt(Math.min(16, input.length - at));
                byte[] repeated = Arrays.copyOf(input, input.length + length);
                System.arraycopy(input, at, repeated, at + length, input.length - at);
                return repeated;
            }
        }
        return input;
    }
}
