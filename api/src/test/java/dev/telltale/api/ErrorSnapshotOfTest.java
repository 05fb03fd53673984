package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ErrorSnapshot#of}: never throws, whatever the error does, and keeps only a bounded copy.
 * The hostile exceptions below are never handed to JUnit as parameters, because a display name
 * would call their {@code toString()}.
 */
class ErrorSnapshotOfTest {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

    // --- the error itself -------------------------------------------------------------------

    @Test
    void of_whenErrorIsNull_recordsTypeNullAndEmptyMessage() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(null, "cbu.create");

        assertThat(snapshot.errorType()).isEqualTo("null");
        assertThat(snapshot.message()).isEmpty();
        assertThat(snapshot.sourceId()).isNull();
        assertThat(snapshot.httpStatus()).isNull();
        assertThat(snapshot.verb()).isEqualTo("cbu.create");
    }

    @Test
    void of_ordinaryException_recordsClassNameMessageAndVerb() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new IllegalStateException("no such cbu"), "cbu.create");

        assertThat(snapshot)
                .isEqualTo(
                        new ErrorSnapshot("java.lang.IllegalStateException", "no such cbu", null, null, "cbu.create"));
    }

    @Test
    void of_whenMessageIsNull_recordsEmptyMessage() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new IllegalStateException(), "v");

        assertThat(snapshot.message()).isEmpty();
    }

    @Test
    void of_nestedExceptionClass_recordsBinaryNameWithDollar() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new NotFound("x", 404), "v");

        assertThat(snapshot.errorType()).isEqualTo("dev.telltale.api.ErrorSnapshotOfTest$NotFound");
    }

    @Test
    void of_anonymousExceptionClass_recordsBinaryName() {
        RuntimeException anonymous = new RuntimeException("boom") {
            private static final long serialVersionUID = 1L;
        };

        ErrorSnapshot snapshot = ErrorSnapshot.of(anonymous, "v");

        // An anonymous class has no canonical name; the binary name is what identifies it.
        assertThat(snapshot.errorType())
                .isEqualTo(anonymous.getClass().getName())
                .startsWith("dev.telltale.api.ErrorSnapshotOfTest$");
        assertThat(snapshot.message()).isEqualTo("boom");
    }

    @Test
    void of_checkedExceptionAndError_areRecordedLikeAnyThrowable() {
        assertThat(ErrorSnapshot.of(new java.io.IOException("disk"), "v").errorType())
                .isEqualTo("java.io.IOException");
        assertThat(ErrorSnapshot.of(new OutOfMemoryError("heap"), "v").errorType())
                .isEqualTo("java.lang.OutOfMemoryError");
    }

    // --- hostile getMessage() / toString() ---------------------------------------------------

    @Test
    void of_whenGetMessageThrows_recordsThatItThrew() {
        GetMessageThrows error = new GetMessageThrows(new IllegalStateException("hostile"));

        ErrorSnapshot snapshot = ErrorSnapshot.of(error, "v");

        assertThat(snapshot.errorType()).isEqualTo("dev.telltale.api.ErrorSnapshotOfTest$GetMessageThrows");
        assertThat(snapshot.message()).isEqualTo("<getMessage() threw java.lang.IllegalStateException>");
        assertThat(snapshot.verb()).isEqualTo("v");
    }

    @Test
    void of_whenGetMessageThrowsError_recordsThatItThrew() {
        GetMessageThrows error = new GetMessageThrows(new StackOverflowError());

        ErrorSnapshot snapshot = ErrorSnapshot.of(error, "v");

        assertThat(snapshot.message()).isEqualTo("<getMessage() threw java.lang.StackOverflowError>");
    }

    @Test
    void of_whenGetMessageOverflowsTheStack_recordsThatItThrew() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new GetMessageRecursesForever(), "v");

        assertThat(snapshot.message()).isEqualTo("<getMessage() threw java.lang.StackOverflowError>");
    }

    @Test
    void of_neverCallsToString() {
        ToStringThrows error = new ToStringThrows("the message");

        ErrorSnapshot snapshot = ErrorSnapshot.of(error, "v");

        assertThat(error.toStringCalled).as("toString() was called").isFalse();
        assertThat(snapshot.message()).isEqualTo("the message");
    }

    @Test
    void of_whenEverythingThrows_stillReturnsASnapshot() {
        EverythingThrows error = new EverythingThrows();

        assertThatCode(() -> ErrorSnapshot.of(error, "v")).doesNotThrowAnyException();
        ErrorSnapshot snapshot = ErrorSnapshot.of(error, "v");

        assertThat(snapshot.errorType()).isEqualTo("dev.telltale.api.ErrorSnapshotOfTest$EverythingThrows");
        assertThat(snapshot.message()).isEqualTo("<getMessage() threw java.lang.IllegalStateException>");
        assertThat(snapshot.sourceId()).isNull();
        assertThat(snapshot.httpStatus()).isNull();
        assertThat(error.toStringCalled).as("toString() was called").isFalse();
    }

    // --- message length ----------------------------------------------------------------------

    @Test
    void of_whenMessageIsTenMegabytes_cutsItToExactly500Chars() {
        String huge = "x".repeat(10_000_000);

        ErrorSnapshot snapshot = ErrorSnapshot.of(new RuntimeException(huge), "v");

        assertThat(snapshot.message()).hasSize(ErrorSnapshot.MAX_MESSAGE_LENGTH).hasSize(500);
        assertThat(huge).startsWith(snapshot.message());
    }

    @Test
    void of_whenMessageIsExactly500Chars_keepsTheSameInstance() {
        String message = "m".repeat(500);

        ErrorSnapshot snapshot = ErrorSnapshot.of(new RuntimeException(message), "v");

        assertThat(snapshot.message()).isSameAs(message);
    }

    @Test
    void of_whenMessageIsShort_keepsTheSameInstance() {
        String message = new String("not found: 42".toCharArray());

        ErrorSnapshot snapshot = ErrorSnapshot.of(new RuntimeException(message), "v");

        assertThat(snapshot.message()).isSameAs(message);
    }

    @Test
    void of_whenMessageIs501Chars_cutsTheLastChar() {
        String message = "m".repeat(500) + "z";

        assertThat(ErrorSnapshot.of(new RuntimeException(message), "v").message())
                .isEqualTo("m".repeat(500));
    }

    @Test
    void of_whenCharAt499IsHighSurrogate_cutsTo499CharsAndKeepsNoHalfPair() {
        String message = "a".repeat(499) + EMOJI + "tail";
        assertThat(Character.isHighSurrogate(message.charAt(499))).isTrue();

        String kept = ErrorSnapshot.of(new RuntimeException(message), "v").message();

        assertThat(kept).hasSize(499).isEqualTo("a".repeat(499));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }

    @Test
    void of_whenSurrogatePairEndsAtIndex499_keepsTheWholePair() {
        String message = "a".repeat(498) + EMOJI + "tail";

        String kept = ErrorSnapshot.of(new RuntimeException(message), "v").message();

        assertThat(kept).hasSize(500).endsWith(EMOJI);
    }

    @Test
    void of_wherePairsStraddleEveryCutPosition_neverEndsWithLoneHighSurrogate() {
        for (int prefix = 480; prefix <= 520; prefix++) {
            String message = "a".repeat(prefix) + EMOJI.repeat(20);

            String kept = ErrorSnapshot.of(new RuntimeException(message), "v").message();

            assertThat(kept.length()).as("prefix %d", prefix).isBetween(499, 500);
            assertThat(message).as("prefix %d", prefix).startsWith(kept);
            assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1)))
                    .as("prefix %d ends with a lone high surrogate", prefix)
                    .isFalse();
            assertThat(kept.codePoints()
                            .filter(ErrorSnapshotOfTest::isSurrogate)
                            .count())
                    .as("prefix %d has an unpaired surrogate", prefix)
                    .isZero();
        }
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    // --- HasSourceId --------------------------------------------------------------------------

    @Test
    void of_whenErrorHasSourceId_recordsIt() {
        assertThat(ErrorSnapshot.of(new NotFound("cbu-42", 404), "v").sourceId())
                .isEqualTo("cbu-42");
    }

    @Test
    void of_whenSourceIdIsNull_leavesItOut() {
        assertThat(ErrorSnapshot.of(new NotFound(null, 404), "v").sourceId()).isNull();
    }

    @Test
    void of_whenSourceIdThrows_leavesItOut() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new SourceIdThrows(), "v");

        assertThat(snapshot.sourceId()).isNull();
        assertThat(snapshot.message()).isEqualTo("source id throws");
    }

    @Test
    void of_whenSourceIdIsLong_cutsItTo200Chars() {
        String id = "i".repeat(10_000);

        String kept = ErrorSnapshot.of(new NotFound(id, 404), "v").sourceId();

        assertThat(kept).hasSize(ErrorSnapshot.MAX_SOURCE_ID_LENGTH).hasSize(200);
        assertThat(id).startsWith(kept);
    }

    @Test
    void of_whenSourceIdHasHighSurrogateAt199_cutsTo199Chars() {
        String id = "i".repeat(199) + EMOJI;

        assertThat(ErrorSnapshot.of(new NotFound(id, 404), "v").sourceId()).isEqualTo("i".repeat(199));
    }

    // --- HasHttpStatus ------------------------------------------------------------------------

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {100, 200, 404, 422, 500, 599})
    void of_whenHttpStatusIsIn100To599_recordsIt(int status) {
        assertThat(ErrorSnapshot.of(new NotFound("id", status), "v").httpStatus())
                .isEqualTo(status);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {42, 99, 600, 1000, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void of_whenHttpStatusIsOutOfRange_leavesItOut(int status) {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new NotFound("id", status), "v");

        assertThat(snapshot.httpStatus()).isNull();
        assertThat(snapshot.sourceId()).as("the rest is still recorded").isEqualTo("id");
    }

    @Test
    void of_whenHttpStatusThrows_leavesItOut() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new HttpStatusThrows(), "v");

        assertThat(snapshot.httpStatus()).isNull();
        assertThat(snapshot.message()).isEqualTo("status throws");
    }

    @Test
    void of_whenErrorImplementsNeitherInterface_hasNoSourceIdNorStatus() {
        ErrorSnapshot snapshot = ErrorSnapshot.of(new IllegalArgumentException("bad"), "v");

        assertThat(snapshot.sourceId()).isNull();
        assertThat(snapshot.httpStatus()).isNull();
    }

    // --- verb ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "verb [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n "})
    void of_whenVerbIsNullOrBlank_recordsUnknown(String verb) {
        assertThat(ErrorSnapshot.of(new RuntimeException("x"), verb).verb()).isEqualTo("unknown");
        assertThat(ErrorSnapshot.of(null, verb).verb()).isEqualTo("unknown");
    }

    @Test
    void of_whenVerbIsLong_cutsItToMaxVerbLength() {
        String verb = "v".repeat(1_000);

        assertThat(ErrorSnapshot.of(new RuntimeException("x"), verb).verb()).hasSize(EventPayload.MAX_VERB_LENGTH);
    }

    // --- hostile and ordinary test exceptions -------------------------------------------------

    static final class NotFound extends RuntimeException implements HasSourceId, HasHttpStatus {
        private static final long serialVersionUID = 1L;
        private final String sourceId;
        private final int status;

        NotFound(String sourceId, int status) {
            super("not found");
            this.sourceId = sourceId;
            this.status = status;
        }

        @Override
        public String sourceId() {
            return sourceId;
        }

        @Override
        public int httpStatus() {
            return status;
        }
    }

    static final class GetMessageThrows extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Throwable toThrow;

        GetMessageThrows(Throwable toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public String getMessage() {
            if (toThrow instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) toThrow;
        }
    }

    static final class GetMessageRecursesForever extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            return getMessage() + ".";
        }
    }

    static final class ToStringThrows extends RuntimeException {
        private static final long serialVersionUID = 1L;
        volatile boolean toStringCalled;

        ToStringThrows(String message) {
            super(message);
        }

        @Override
        public String toString() {
            toStringCalled = true;
            throw new IllegalStateException("toString() must not be called");
        }
    }

    static final class EverythingThrows extends RuntimeException implements HasSourceId, HasHttpStatus {
        private static final long serialVersionUID = 1L;
        volatile boolean toStringCalled;

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }

        @Override
        public String getLocalizedMessage() {
            throw new IllegalStateException("getLocalizedMessage");
        }

        @Override
        public String toString() {
            toStringCalled = true;
            throw new IllegalStateException("toString");
        }

        @Override
        public String sourceId() {
            throw new IllegalStateException("sourceId");
        }

        @Override
        public int httpStatus() {
            throw new StackOverflowError("httpStatus");
        }
    }

    static final class SourceIdThrows extends RuntimeException implements HasSourceId {
        private static final long serialVersionUID = 1L;

        SourceIdThrows() {
            super("source id throws");
        }

        @Override
        public String sourceId() {
            throw new UnsupportedOperationException("sourceId");
        }
    }

    static final class HttpStatusThrows extends RuntimeException implements HasHttpStatus {
        private static final long serialVersionUID = 1L;

        HttpStatusThrows() {
            super("status throws");
        }

        @Override
        public int httpStatus() {
            throw new ArithmeticException("httpStatus");
        }
    }
}
