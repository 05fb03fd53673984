package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

/** {@link Strings}, the bounded-text helpers every model type uses. */
class StringsTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void cut_whenTextFits_returnsTheSameInstance() {
        String text = new String("abc".toCharArray());

        assertThat(Strings.cut(text, 3)).isSameAs(text);
        assertThat(Strings.cut(text, 10)).isSameAs(text);
    }

    @Test
    void cut_whenTextFitsExactlyAndEndsWithHighSurrogate_returnsItWhole() {
        String text = "ab\uD83D";

        assertThat(Strings.cut(text, 3)).isSameAs(text);
    }

    @Test
    void cut_whenTextIsLonger_keepsThePrefix() {
        assertThat(Strings.cut("abcdef", 4)).isEqualTo("abcd");
    }

    @Test
    void cut_whenLastKeptCharIsHighSurrogate_dropsIt() {
        assertThat(Strings.cut("ab" + EMOJI, 3)).isEqualTo("ab");
    }

    @Test
    void cut_whenAPairEndsAtTheLimit_keepsThePair() {
        assertThat(Strings.cut("ab" + EMOJI + "c", 4)).isEqualTo("ab" + EMOJI);
    }

    @Test
    void cut_toZero_givesEmpty() {
        assertThat(Strings.cut("abc", 0)).isEmpty();
    }

    @Test
    void cut_toOne_whenTextStartsWithAPair_givesEmpty() {
        assertThat(Strings.cut(EMOJI, 1)).isEmpty();
    }

    @Test
    void requireText_whenNull_throwsNpeNamingTheComponent() {
        assertThatNullPointerException()
                .isThrownBy(() -> Strings.requireText(null, "thing"))
                .withMessage("thing must not be null");
    }

    @Test
    void requireText_whenBlank_throwsIaeNamingTheComponent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Strings.requireText(" \t", "thing"))
                .withMessage("thing must not be blank");
    }

    @Test
    void requireText_whenText_returnsIt() {
        String text = "x";

        assertThat(Strings.requireText(text, "thing")).isSameAs(text);
    }
}
