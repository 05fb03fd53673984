package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void of_plainText_isTheSameString() {
        String text = "cbu.create naïve 日本 😀";
        assertThat(Printable.of(text)).isSameAs(text);
    }

    @Test
    void of_everyControlCharacter_isAVisibleEscape() {
        for (char c = 0; c < 0xa0; c++) {
            if (Character.isISOControl(c)) {
                String escaped = Printable.of("a" + c + "b");
                assertThat(escaped).as("U+%04X", (int) c).isEqualTo(String.format("a\\u%04xb", (int) c));
            }
        }
    }

    @Test
    void of_terminalAttacks_becomeOneInertLine() {
        assertThat(Printable.of("\u001b[2Jcleared")).isEqualTo("\\u001b[2Jcleared");
        assertThat(Printable.of("\u001b]0;owned\u0007")).isEqualTo("\\u001b]0;owned\\u0007");
        assertThat(Printable.of("ok\r\n2026-11-27 04:31:27.123  forged"))
                .isEqualTo("ok\\u000d\\u000a2026-11-27 04:31:27.123  forged");
        assertThat(Printable.of("\u009b31m")).as("the one-byte CSI").isEqualTo("\\u009b31m");
    }

    @Test
    void of_lineSeparatorsBidiMarksAndLoneSurrogates_areEscaped() {
        assertThat(Printable.of("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
        assertThat(Printable.of("\u202eevil\u2066x\u2069")).isEqualTo("\\u202eevil\\u2066x\\u2069");
        assertThat(Printable.of("lone \ud800 high")).isEqualTo("lone \\ud800 high");
        assertThat(Printable.of("lone \udc00 low")).isEqualTo("lone \\udc00 low");
        assertThat(Printable.of("end \ud83d")).isEqualTo("end \\ud83d");
    }

    @Test
    void of_backslash_isDoubledSoThatEscapesCannotBeForged() {
        assertThat(Printable.of("C:\\temp")).isEqualTo("C:\\\\temp");
        assertThat(Printable.of("\\u001b")).as("text that looks like an escape").isEqualTo("\\\\u001b");
    }
}
