package dev.telltale.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.HasHttpStatus;
import dev.telltale.api.HasSourceId;
import dev.telltale.api.SessionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the page's data says about a known set of events, field by field. */
class ReportAggregatorTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_765_000_000_000L * MS;
    private static final UUID A = new UUID(0, 0xA);
    private static final UUID B = new UUID(0, 0xB);

    static final class Refused extends RuntimeException implements HasSourceId, HasHttpStatus {
        private final String id;
        private final int status;

        Refused(String message, String id) {
            this(message, id, 404);
        }

        Refused(String message, String id, int status) {
            super(message);
            this.id = id;
            this.status = status;
        }

        @Override
        public String sourceId() {
            return id;
        }

        @Override
        public int httpStatus() {
            return status;
        }
    }

    /** Two sessions, four commands (two failed alike), an entry, an interval's account and a final one. */
    private static List<DslEvent> events() {
        List<DslEvent> events = new ArrayList<>();
        events.add(DslEvent.sessionStarted(T0, A, SessionSource.REPL));
        events.add(DslEvent.succeeded(T0 + 1 * MS, A, "a", 1 * MS));
        events.add(DslEvent.failed(T0 + 2 * MS, A, "a", 3 * MS, new Refused("boom", "x-1")));
        events.add(DslEvent.sessionEntry(
                T0 + 3 * MS, A, new EventPayload.SessionEntry(EntryType.USER_INPUT, 1, "REPL", "hello", null)));
        events.add(DslEvent.succeeded(T0 + 4 * MS, A, "b", 2 * MS));
        events.add(DslEvent.sessionEnded(T0 + 10 * MS, A, 3, 1, 10 * MS));
        events.add(DslEvent.sessionStarted(T0 + 5 * MS, B, SessionSource.API));
        events.add(DslEvent.failed(T0 + 6 * MS, B, "a", 5 * MS, new Refused("bang", "x-2")));
        events.add(DslEvent.sessionEnded(T0 + 25 * MS, B, 1, 1, 20 * MS));
        events.add(DslEvent.recorderAccount(T0 + 30 * MS, new RecorderAccount(false, T0, 5, 0, 1, 2, 90, 82, 6, 2)));
        events.add(DslEvent.recorderAccount(
                T0 + 40 * MS, new RecorderAccount(true, T0 + 30 * MS, 0, 3, 0, 0, 100, 89, 9, 2)));
        return events;
    }

    private static JsonNode data(ReportOptions options, List<DslEvent> events) throws Exception {
        ReportAggregator report = new ReportAggregator(options);
        events.forEach(report::add);
        return new ObjectMapper().readTree(ReportJson.write(report));
    }

    @Test
    void totals_recorder_andSessions() throws Exception {
        JsonNode data = data(ReportOptions.of("q"), events());

        JsonNode totals = data.get("totals");
        assertThat(totals.get("events").asLong()).isEqualTo(11);
        assertThat(totals.get("commands").asLong()).isEqualTo(4);
        assertThat(totals.get("succeeded").asLong()).isEqualTo(2);
        assertThat(totals.get("failed").asLong()).isEqualTo(2);
        assertThat(totals.get("failPercent").asDouble()).isEqualTo(50.0);
        assertThat(totals.get("sessions").asLong()).isEqualTo(2);
        assertThat(totals.get("sessionsExact").asBoolean()).isTrue();
        assertThat(totals.get("sessionsStarted").asLong()).isEqualTo(2);
        assertThat(totals.get("sessionsEnded").asLong()).isEqualTo(2);
        assertThat(totals.get("entries").asLong()).isEqualTo(1);
        assertThat(totals.get("accounts").asLong()).isEqualTo(2);
        assertThat(totals.get("first").asLong()).isEqualTo(T0 / MS);
        assertThat(totals.get("last").asLong()).isEqualTo(T0 / MS + 40);
        assertThat(totals.get("p50Ms").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(totals.get("maxMs").asDouble()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));

        JsonNode recorder = data.get("recorder");
        assertThat(recorder.get("droppedQueueFull").asLong()).isEqualTo(5);
        assertThat(recorder.get("droppedClosed").asLong()).isEqualTo(3);
        assertThat(recorder.get("droppedNull").asLong()).isEqualTo(1);
        assertThat(recorder.get("dropped").asLong()).isEqualTo(9);
        assertThat(recorder.get("lost").asLong()).isEqualTo(2);
        assertThat(recorder.get("final").get("emitted").asLong()).isEqualTo(100);
        assertThat(recorder.get("final").get("persisted").asLong()).isEqualTo(89);
        assertThat(recorder.get("final").get("dropped").asLong()).isEqualTo(9);
        assertThat(recorder.get("final").get("lost").asLong()).isEqualTo(2);
        assertThat(recorder.get("final").get("at").asLong()).isEqualTo(T0 / MS + 40);
        assertThat(recorder.get("intervals")).hasSize(2);
        assertThat(recorder.get("intervals").get(0).get("from").asLong()).isEqualTo(T0 / MS);
        assertThat(recorder.get("intervals").get(0).get("to").asLong()).isEqualTo(T0 / MS + 30);
        assertThat(recorder.get("intervals").get(0).get("lost").asLong()).isEqualTo(2);
        assertThat(recorder.get("intervals").get(1).get("droppedClosed").asLong())
                .isEqualTo(3);

        JsonNode sessions = data.get("sessions");
        JsonNode longest = sessions.get("longest");
        assertThat(sessions.get("count").asLong()).isEqualTo(2);
        assertThat(sessions.get("open").asLong()).isZero();
        assertThat(sessions.get("started").asLong()).isEqualTo(2);
        assertThat(sessions.get("ended").asLong()).isEqualTo(2);
        assertThat(longest.get(0).get("durationMs").asDouble()).isEqualTo(20.0);
        assertThat(sessions.get("durationMaxMs").asDouble()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(longest).hasSize(2);
        assertThat(longest.get(0).get("id").asText()).isEqualTo(B.toString());
        assertThat(longest.get(0).get("start").asLong()).isEqualTo(T0 / MS + 5);
        assertThat(longest.get(0).get("end").asLong()).isEqualTo(T0 / MS + 25);
        assertThat(longest.get(0).get("errors").asLong()).isEqualTo(1);
        assertThat(longest.get(1).get("commands").asLong()).isEqualTo(3);
        assertThat(data.get("conversation").isNull()).isTrue();
        assertThat(data.get("window").isNull()).isTrue();
    }

    @Test
    void verbs_failures_timeline_andLatency() throws Exception {
        JsonNode data = data(ReportOptions.of("q"), events());

        JsonNode verbs = data.get("verbs");
        assertThat(verbs).hasSize(2);
        assertThat(verbs.get(0).get("verb").asText()).isEqualTo("a");
        assertThat(verbs.get(0).get("commands").asLong()).isEqualTo(3);
        assertThat(verbs.get(0).get("failed").asLong()).isEqualTo(2);
        assertThat(verbs.get(0).get("failPercent").asDouble()).isEqualTo(66.667);
        assertThat(verbs.get(0).get("maxMs").asDouble()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(verbs.get(1).get("verb").asText()).isEqualTo("b");
        assertThat(verbs.get(1).get("p99Ms").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(data.get("otherVerbs").isNull()).isTrue();

        JsonNode failures = data.get("failures");
        assertThat(failures).hasSize(1);
        JsonNode failure = failures.get(0);
        assertThat(failure.get("verb").asText()).isEqualTo("a");
        assertThat(failure.get("errorType").asText()).isEqualTo(Refused.class.getName());
        assertThat(failure.get("count").asLong()).isEqualTo(2);
        assertThat(failure.get("httpStatuses").get(0).get("status").asInt()).isEqualTo(404);
        assertThat(failure.get("httpStatuses").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(failure.get("sourceIds").toString()).isEqualTo("[\"x-1\",\"x-2\"]");
        assertThat(failure.get("messages").toString()).isEqualTo("[\"boom\",\"bang\"]");
        assertThat(data.get("otherFailures").asLong()).isZero();

        JsonNode timeline = data.get("timeline");
        // 40 ms of events in 1 ms buckets: rates are per second, so each command is 1000/s in its bucket.
        assertThat(timeline.get("bucketMs").asLong()).isEqualTo(1);
        assertThat(timeline.get("t").get(0).asLong()).isEqualTo(T0 / MS + 1);
        double succeeded = 0;
        double failed = 0;
        double dropped = 0;
        double lost = 0;
        for (int i = 0; i < timeline.get("t").size(); i++) {
            succeeded += timeline.get("succeeded").get(i).asDouble();
            failed += timeline.get("failed").get(i).asDouble();
            dropped += timeline.get("dropped").get(i).asDouble();
            lost += timeline.get("lost").get(i).asDouble();
        }
        assertThat(succeeded).isEqualTo(2000.0);
        assertThat(failed).isEqualTo(2000.0);
        assertThat(dropped).isEqualTo(9000.0);
        assertThat(lost).isEqualTo(2000.0);

        JsonNode latency = data.get("latency");
        assertThat(latency.get("t")).isEqualTo(timeline.get("t"));
        assertThat(latency.get("verbs")).hasSize(2);
        JsonNode a = latency.get("verbs").get(0);
        assertThat(a.get("verb").asText()).isEqualTo("a");
        assertThat(a.get("p50Ms").get(0).asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(a.get("p99Ms").get(1).asDouble()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(a.get("p50Ms").get(2).isNull())
                .as("no command of a in that bucket")
                .isTrue();
    }

    @Test
    void aWindow_countsOnlyWhatIsInside_andASessionGivesItsConversationInTimeOrder() throws Exception {
        JsonNode data =
                data(ReportOptions.of("q").withWindow(T0 + 1 * MS, T0 + 10 * MS).withSession(A), events());

        assertThat(data.get("totals").get("events").asLong())
                .as("from 1 ms, before 10 ms")
                .isEqualTo(6);
        assertThat(data.get("window").get("from").asLong()).isEqualTo(T0 / MS + 1);
        assertThat(data.get("window").get("until").asLong()).isEqualTo(T0 / MS + 10);
        JsonNode conversation = data.get("conversation");
        assertThat(conversation.get("session").asText()).isEqualTo(A.toString());
        assertThat(conversation.get("found").asBoolean()).isTrue();
        assertThat(conversation.get("truncated").asBoolean()).isFalse();
        JsonNode items = conversation.get("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("kind").asText()).isEqualTo("command");
        assertThat(items.get(0).get("t").asLong()).isEqualTo(T0 / MS + 1);
        assertThat(items.get(0).get("message").isNull()).isTrue();
        assertThat(items.get(0).get("durationMs").asDouble()).isEqualTo(1.0);
        assertThat(items.get(1).get("failed").asBoolean()).isTrue();
        assertThat(items.get(1).get("errorType").asText()).isEqualTo(Refused.class.getName());
        assertThat(items.get(2).get("source").asText()).isEqualTo("REPL");
        assertThat(items.get(0).get("failed").asBoolean()).isFalse();
        assertThat(items.get(0).get("errorType").isNull()).isTrue();
        assertThat(items.get(1).get("message").asText()).isEqualTo("boom");
        assertThat(items.get(1).get("durationMs").asDouble()).isEqualTo(3.0);
        assertThat(items.get(2).get("kind").asText()).isEqualTo("entry");
        assertThat(items.get(2).get("entry").asText()).isEqualTo("user_input");
        assertThat(items.get(2).get("no").asLong()).isEqualTo(1);
        assertThat(items.get(2).get("content").asText()).isEqualTo("hello");
        assertThat(items.get(3).get("verb").asText()).isEqualTo("b");

        JsonNode whole = data(ReportOptions.of("q").withSession(A), events())
                .get("conversation")
                .get("items");
        assertThat(whole.get(0).get("kind").asText()).isEqualTo("session");
        assertThat(whole.get(0).get("what").asText()).isEqualTo("started");
        assertThat(whole.get(whole.size() - 1).get("kind").asText()).isEqualTo("session");
        assertThat(whole.get(whole.size() - 1).get("what").asText()).isEqualTo("ended");
        for (int i = 1; i < whole.size(); i++) {
            assertThat(whole.get(i).get("t").asLong())
                    .as("time order")
                    .isGreaterThanOrEqualTo(whole.get(i - 1).get("t").asLong());
        }
        assertThat(whole.get(0).get("detail").asText()).isEqualTo("REPL");
        assertThat(whole.get(whole.size() - 1).get("detail").asText()).isEqualTo("3 commands, 1 failed, 0.0 s");

        JsonNode nobody = data(ReportOptions.of("q").withSession(new UUID(9, 9)), events())
                .get("conversation");
        assertThat(nobody.get("found").asBoolean()).isFalse();
    }

    @Test
    void theCaps_countWhatIsBeyondThemTogether() throws Exception {
        ReportAggregator report = new ReportAggregator(ReportOptions.of("q"));
        for (int i = 0; i < ReportAggregator.MAX_VERBS + 5; i++) {
            report.add(DslEvent.failed(T0 + i, null, "v" + i, i, new IllegalStateException("m" + i)));
        }
        for (int i = 0; i < ReportAggregator.MAX_SKIPPED + 3; i++) {
            report.skipped("file " + i);
        }
        JsonNode data = new ObjectMapper().readTree(ReportJson.write(report));

        assertThat(data.get("verbs")).hasSize(ReportAggregator.MAX_VERBS);
        assertThat(data.get("otherVerbs").get("commands").asLong()).isEqualTo(5);
        assertThat(data.get("otherVerbs").get("verb").asText()).isEqualTo("(other verbs: 5 commands)");
        assertThat(data.get("failures")).hasSize(ReportAggregator.MAX_FAILURES);
        assertThat(data.get("otherFailures").asLong())
                .isEqualTo(ReportAggregator.MAX_VERBS + 5 - ReportAggregator.MAX_FAILURES);
        assertThat(data.get("skipped")).hasSize(ReportAggregator.MAX_SKIPPED + 1);
        assertThat(data.get("skipped").get(ReportAggregator.MAX_SKIPPED).asText())
                .isEqualTo("and 3 more");
        assertThat(data.get("latency").get("verbs")).hasSize(ReportAggregator.CHART_VERBS);
        assertThat(report.events()).isEqualTo(ReportAggregator.MAX_VERBS + 5);
    }

    @Test
    void theLongestSessions_andEachFailuresExamples_areBounded() throws Exception {
        ReportAggregator report = new ReportAggregator(ReportOptions.of("q"));
        int sessions = ReportAggregator.LONGEST_SESSIONS + 5;
        for (int i = 1; i <= sessions; i++) {
            report.add(DslEvent.sessionEnded(T0 + 100 * MS, new UUID(1, i), 0, 0, i * MS));
        }
        for (int status = 400; status < 400 + ReportAggregator.MAX_STATUSES + 3; status++) {
            report.add(DslEvent.failed(T0, null, "f", 1, new Refused("message " + status, "id-" + status, status)));
        }
        JsonNode data = new ObjectMapper().readTree(ReportJson.write(report));

        JsonNode longest = data.get("sessions").get("longest");
        assertThat(longest).hasSize(ReportAggregator.LONGEST_SESSIONS);
        assertThat(longest.get(0).get("durationMs").asDouble()).isEqualTo(sessions);
        assertThat(longest.get(ReportAggregator.LONGEST_SESSIONS - 1)
                        .get("durationMs")
                        .asDouble())
                .isEqualTo(sessions - ReportAggregator.LONGEST_SESSIONS + 1);
        JsonNode failure = data.get("failures").get(0);
        assertThat(failure.get("count").asLong()).isEqualTo(ReportAggregator.MAX_STATUSES + 3);
        assertThat(failure.get("httpStatuses")).hasSize(ReportAggregator.MAX_STATUSES);
        assertThat(failure.get("messages")).hasSize(ReportAggregator.MAX_EXAMPLES);
        assertThat(failure.get("sourceIds")).hasSize(ReportAggregator.MAX_EXAMPLES);
        assertThat(failure.get("messages").get(0).asText()).isEqualTo("message 400");
    }

    @Test
    void anEmptySource_hasNoTimesAndNoPercentiles() throws Exception {
        JsonNode data = data(ReportOptions.of("q"), List.of());

        assertThat(data.get("totals").get("events").asLong()).isZero();
        assertThat(data.get("totals").get("first").isNull()).isTrue();
        assertThat(data.get("totals").get("p50Ms").isNull()).isTrue();
        assertThat(data.get("totals").get("failPercent").asDouble()).isZero();
        assertThat(data.get("sessions").get("durationP50Ms").isNull()).isTrue();
        assertThat(data.get("recorder").get("final").isNull()).isTrue();
        assertThat(data.get("timeline").get("t")).isEmpty();
    }

    @Test
    void sessionIds_countExactlyUpToTheirLimit() {
        SessionIds ids = new SessionIds(100);
        for (int i = 0; i < 100; i++) {
            ids.add(new UUID(i, -i));
            ids.add(new UUID(i, -i));
        }
        assertThat(ids.size()).isEqualTo(100);
        assertThat(ids.exact()).isTrue();
        ids.add(new UUID(7, -7));
        assertThat(ids.exact()).as("one seen before").isTrue();
        ids.add(new UUID(1000, 1000));
        assertThat(ids.size()).isEqualTo(100);
        assertThat(ids.exact()).isFalse();
    }

    @Test
    void options_refuseAnEmptyWindow_andTextsAreCutWithoutSplittingAPair() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportOptions.of("q").withWindow(5, 5))
                .withMessage("the window is empty: it must start before it ends");
        assertThat(ReportOptions.of("q").withTitle("t").title()).isEqualTo("t");
        assertThat(ReportOptions.of("q").covers(Long.MIN_VALUE)).isTrue();
        assertThat(ReportOptions.of("q").windowed()).isFalse();
        assertThat(ReportOptions.of("q").withWindow(1, Long.MAX_VALUE).covers(0))
                .isFalse();

        assertThat(Texts.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Texts.cut("abcdefg", 6)).isEqualTo("abcde\u2026");
        assertThat(Texts.cut("abcd\uD83D\uDE00xyz", 6))
                .as("the pair stays whole or goes")
                .isEqualTo("abcd\u2026");
        assertThat(Texts.cut("abc\uD83D\uDE00xyz", 6)).isEqualTo("abc\uD83D\uDE00\u2026");
    }
}
