package dev.telltale.store.chronicle.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Wtf8Test {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "cbu.create",
                "naïve",
                "\u0436\u4e2d",
                "\uD83D\uDE00 emoji",
                "\u2028\u0000\u007f\u0080\u07ff\u0800\uffff"
            })
    void encode_validText_isExactlyUtf8(String text) {
        assertThat(Wtf8.encode(text)).isEqualTo(text.getBytes(UTF_8));
        assertThat(Wtf8.encodedLength(text)).isEqualTo(text.getBytes(UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lone\uD800",
                "\uDC00first",
                "\uDBFF",
                "pair\uD83D\uDE00 then lone \uDE00\uD83D",
                "\uD800\uD800\uDC00"
            })
    void encodeThenDecode_textWithLoneSurrogates_comesBackExactly(String text) throws EventFormatException {
        byte[] encoded = Wtf8.encode(text);

        assertThat(Wtf8.decode(encoded, 0, encoded.length)).isEqualTo(text);
        assertThat(encoded).hasSize(Wtf8.encodedLength(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "lone\uD800 and \uD83D\uDE00 and \u0436"})
    void write_intoBytes_writesWhatEncodeGives(String text) {
        Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
        try {
            Wtf8.write(bytes, text);

            assertThat(bytes.toByteArray()).isEqualTo(Wtf8.encode(text));
        } finally {
            bytes.releaseLast();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "c0af", "c3", "e282", "f4908080", "f880808080", "e08080", "f0808080", "ff"})
    void decode_invalidSequence_namesTheProblem(String hex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> Wtf8.decode(bytes, 0, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("text is not WTF-8: ");
    }
}
