package dev.telltale.store.chronicle.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedTextCacheTest {

    @Test
    void encoded_sameTextAgain_isTheSameArrayWithoutAMiss() {
        EncodedTextCache cache = new EncodedTextCache(8);
        byte[] first = cache.encoded("cbu.create");

        byte[] again = cache.encoded(new String("cbu.create".toCharArray()));

        assertThat(again).isSameAs(first).isEqualTo("cbu.create".getBytes(UTF_8));
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void encoded_moreTextsThanSlots_staysCorrect() {
        EncodedTextCache cache = new EncodedTextCache(2);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                assertThat(cache.encoded("verb." + i)).isEqualTo(("verb." + i).getBytes(UTF_8));
            }
        }
    }
}
