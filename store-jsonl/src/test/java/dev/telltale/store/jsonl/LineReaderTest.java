package dev.telltale.store.jsonl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void nextLine_whenReadsEndMidLine_joinsThePieces() throws IOException {
        List<String> lines = List.of("a", "", "bb", "x".repeat(20_000), "ccc", "y".repeat(9_000));
        byte[] input = (String.join("\n", lines) + "\n").getBytes(UTF_8);

        assertThat(readAll(new Trickle(input, 7), 1 << 20)).containsExactlyElementsOf(lines);
        assertThat(readAll(new ByteArrayInputStream(input), 1 << 20)).containsExactlyElementsOf(lines);
    }

    @Test
    void nextLine_whenLastLineHasNoLineBreak_returnsItAndNoEmptyLineAfterAFinalBreak() throws IOException {
        assertThat(readAll(stream("a\nb"), 16)).containsExactly("a", "b");
        assertThat(readAll(stream("a\nb\n"), 16)).containsExactly("a", "b");
        assertThat(readAll(stream(""), 16)).isEmpty();
    }

    @Test
    void nextLine_whenLineIsLongerThanMaximum_marksItTooLongAndGoesOn() throws IOException {
        String input = "x".repeat(16) + "\n" + "y".repeat(17) + "\n" + "z".repeat(100) + "\nok\n" + "w".repeat(40);

        assertThat(readAll(new Trickle(input.getBytes(UTF_8), 5), 16))
                .containsExactly("x".repeat(16), "<too long>", "<too long>", "ok", "<too long>");
    }

    @Test
    void nextLine_countsEveryLineIncludingBlankOnes() throws IOException {
        LineReader lines = new LineReader(stream("\n\nthird\n \n"), 16);

        List<Long> numbers = new ArrayList<>();
        List<Boolean> blank = new ArrayList<>();
        while (lines.nextLine()) {
            numbers.add(lines.lineNumber());
            blank.add(lines.isBlank());
        }

        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L);
        assertThat(blank).containsExactly(true, true, false, true);
    }

    private static List<String> readAll(InputStream in, int maxLineLength) throws IOException {
        List<String> result = new ArrayList<>();
        try (LineReader lines = new LineReader(in, maxLineLength)) {
            while (lines.nextLine()) {
                result.add(
                        lines.tooLong()
                                ? "<too long>"
                                : new String(lines.buffer(), lines.start(), lines.length(), UTF_8));
            }
        }
        return result;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    /** Hands out at most a few bytes per read, as a pipe or a slow disk may. */
    private static final class Trickle extends ByteArrayInputStream {

        private final int maxPerRead;

        Trickle(byte[] bytes, int maxPerRead) {
            super(bytes);
            this.maxPerRead = maxPerRead;
        }

        @Override
        public synchronized int read(byte[] target, int offset, int length) {
            return super.read(target, offset, Math.min(length, maxPerRead));
        }
    }
}
