package dev.telltale.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventPayload.SessionStarted;
import dev.telltale.report.ReportAggregator.FailureKey;
import dev.telltale.report.ReportAggregator.FailureStats;
import dev.telltale.report.ReportAggregator.VerbStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/**
 * The report's data as the JSON the page's script reads. Safe inside an HTML {@code <script>} element: {@code <}, {@code >}, {@code &}, U+2028,
 * U+2029 and every surrogate are written as {@code \\u} escapes, so no content can end the element or
 * be taken for markup, and a lone surrogate survives as what it is.
 */
final class ReportJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ReportJson() {}

    static String write(ReportAggregator report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.setCharacterEscapes(HtmlSafe.INSTANCE);
            new ReportJson.Writer(out, report).write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private record Writer(JsonGenerator out, ReportAggregator r) {

        void write() throws IOException {
            out.writeStartObject();
            out.writeStringField("title", r.options().title());
            out.writeStringField("source", r.options().source());
            out.writeNumberField("generated", System.currentTimeMillis());
            window();
            out.writeArrayFieldStart("skipped");
            for (String skipped : r.skipped) {
                out.writeString(skipped);
            }
            if (r.skippedMore > 0) {
                out.writeString("and " + r.skippedMore + " more");
            }
            out.writeEndArray();
            totals();
            recorder();
            timeline();
            latency();
            verbs();
            failures();
            sessions();
            conversation();
            out.writeEndObject();
        }

        private void window() throws IOException {
            if (!r.options().windowed()) {
                out.writeNullField("window");
                return;
            }
            out.writeObjectFieldStart("window");
            millisOrNull("from", r.options().fromEpochNanos(), Long.MIN_VALUE);
            millisOrNull("until", r.options().untilEpochNanos(), Long.MAX_VALUE);
            out.writeEndObject();
        }

        private void millisOrNull(String field, long epochNanos, long none) throws IOException {
            if (epochNanos == none) {
                out.writeNullField(field);
            } else {
                out.writeNumberField(field, millis(epochNanos));
            }
        }

        private void totals() throws IOException {
            out.writeObjectFieldStart("totals");
            out.writeNumberField("events", r.events);
            out.writeNumberField("commands", r.commands);
            out.writeNumberField("succeeded", r.commands - r.failed);
            out.writeNumberField("failed", r.failed);
            out.writeNumberField("failPercent", percent(r.failed, r.commands));
            out.writeNumberField("sessions", r.sessionIds.size());
            out.writeBooleanField("sessionsExact", r.sessionIds.exact());
            out.writeNumberField("sessionsStarted", r.sessionsStarted);
            out.writeNumberField("sessionsEnded", r.sessionsEnded);
            out.writeNumberField("entries", r.entries);
            out.writeNumberField("accounts", r.accounts);
            if (r.events == 0) {
                out.writeNullField("first");
                out.writeNullField("last");
            } else {
                out.writeNumberField("first", millis(r.first));
                out.writeNumberField("last", millis(r.last));
            }
            percentiles(r.commands == 0 ? null : r.allDurations, "");
            out.writeEndObject();
        }

        private void percentiles(AbstractHistogram durations, String prefix) throws IOException {
            String[] names = {"p50Ms", "p95Ms", "p99Ms", "maxMs"};
            double[] at = {50, 95, 99};
            for (int i = 0; i < names.length; i++) {
                String field = prefix.isEmpty()
                        ? names[i]
                        : prefix + Character.toUpperCase(names[i].charAt(0)) + names[i].substring(1);
                if (durations == null || durations.getTotalCount() == 0) {
                    out.writeNullField(field);
                } else {
                    long nanos = i < at.length ? durations.getValueAtPercentile(at[i]) : durations.getMaxValue();
                    out.writeNumberField(field, nanos / 1e6);
                }
            }
        }

        private void recorder() throws IOException {
            out.writeObjectFieldStart("recorder");
            out.writeNumberField("droppedQueueFull", r.droppedQueueFull);
            out.writeNumberField("droppedClosed", r.droppedClosed);
            out.writeNumberField("droppedNull", r.droppedNull);
            out.writeNumberField("dropped", r.droppedQueueFull + r.droppedClosed + r.droppedNull);
            out.writeNumberField("lost", r.lost);
            if (r.finalAccount == null) {
                out.writeNullField("final");
            } else {
                RecorderAccount last = (RecorderAccount) r.finalAccount.payload();
                out.writeObjectFieldStart("final");
                out.writeNumberField("at", millis(r.finalAccount.epochNanos()));
                out.writeNumberField("emitted", last.emitted());
                out.writeNumberField("persisted", last.persisted());
                out.writeNumberField("dropped", last.droppedTotal());
                out.writeNumberField("lost", last.lostTotal());
                out.writeEndObject();
            }
            out.writeArrayFieldStart("intervals");
            for (DslEvent event : r.lossIntervals) {
                RecorderAccount account = (RecorderAccount) event.payload();
                out.writeStartObject();
                out.writeNumberField("from", millis(account.sinceEpochNanos()));
                out.writeNumberField("to", millis(event.epochNanos()));
                out.writeNumberField("droppedQueueFull", account.droppedQueueFull());
                out.writeNumberField("droppedClosed", account.droppedClosed());
                out.writeNumberField("droppedNull", account.droppedNull());
                out.writeNumberField("lost", account.lost());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeBooleanField("intervalsTruncated", r.lossIntervalsTruncated);
            out.writeEndObject();
        }

        private void timeline() throws IOException {
            Timeline timeline = r.timeline;
            double seconds = timeline.widthMillis() / 1000.0;
            out.writeObjectFieldStart("timeline");
            out.writeNumberField("bucketMs", timeline.widthMillis());
            bucketStarts(timeline);
            String[] names = {"succeeded", "failed", "dropped", "lost"};
            int[] lanes = {Timeline.SUCCEEDED, Timeline.FAILED, Timeline.DROPPED, Timeline.LOST};
            for (int lane = 0; lane < lanes.length; lane++) {
                out.writeArrayFieldStart(names[lane]);
                for (int i = 0; i < timeline.size(); i++) {
                    out.writeNumber(round(timeline.count(lanes[lane], i) / seconds));
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }

        private void bucketStarts(Timeline timeline) throws IOException {
            out.writeArrayFieldStart("t");
            for (int i = 0; i < timeline.size(); i++) {
                out.writeNumber(timeline.start(i));
            }
            out.writeEndArray();
        }

        private void latency() throws IOException {
            Timeline timeline = r.timeline;
            out.writeObjectFieldStart("latency");
            bucketStarts(timeline);
            out.writeArrayFieldStart("verbs");
            int shown = 0;
            for (VerbStats verb : r.verbsByCount()) {
                if (shown == ReportAggregator.CHART_VERBS) {
                    break;
                }
                if (verb.seriesNo < 0) {
                    continue;
                }
                shown++;
                out.writeStartObject();
                out.writeStringField("verb", Texts.cut(verb.verb, ReportAggregator.MAX_VERB_CHARS));
                for (double percentile : new double[] {50, 99}) {
                    out.writeArrayFieldStart(percentile == 50 ? "p50Ms" : "p99Ms");
                    for (int i = 0; i < timeline.size(); i++) {
                        AbstractHistogram histogram = timeline.latency(verb.seriesNo, i);
                        if (histogram == null) {
                            out.writeNull();
                        } else {
                            out.writeNumber(histogram.getValueAtPercentile(percentile) / 1e6);
                        }
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        private void verbs() throws IOException {
            out.writeArrayFieldStart("verbs");
            for (VerbStats verb : r.verbsByCount()) {
                verbRow(Texts.cut(verb.verb, ReportAggregator.MAX_VERB_CHARS), verb);
            }
            out.writeEndArray();
            if (r.otherVerbs.commands == 0) {
                out.writeNullField("otherVerbs");
            } else {
                out.writeFieldName("otherVerbs");
                verbRow(String.format(Locale.ROOT, "(other verbs: %,d commands)", r.otherVerbs.commands), r.otherVerbs);
            }
        }

        private void verbRow(String name, VerbStats verb) throws IOException {
            out.writeStartObject();
            out.writeStringField("verb", name);
            out.writeNumberField("commands", verb.commands);
            out.writeNumberField("failed", verb.failed);
            out.writeNumberField("failPercent", percent(verb.failed, verb.commands));
            percentiles(verb.durations, "");
            out.writeEndObject();
        }

        private void failures() throws IOException {
            List<Map.Entry<FailureKey, FailureStats>> sorted = new ArrayList<>(r.failures.entrySet());
            sorted.sort((a, b) -> Long.compare(b.getValue().count, a.getValue().count));
            out.writeArrayFieldStart("failures");
            for (Map.Entry<FailureKey, FailureStats> failure : sorted) {
                FailureStats stats = failure.getValue();
                out.writeStartObject();
                out.writeStringField("verb", Texts.cut(failure.getKey().verb(), ReportAggregator.MAX_VERB_CHARS));
                out.writeStringField("errorType", failure.getKey().errorType());
                out.writeNumberField("count", stats.count);
                out.writeArrayFieldStart("httpStatuses");
                for (Map.Entry<Integer, Long> status : stats.statuses.entrySet()) {
                    out.writeStartObject();
                    out.writeNumberField("status", status.getKey());
                    out.writeNumberField("count", status.getValue());
                    out.writeEndObject();
                }
                out.writeEndArray();
                strings("sourceIds", stats.sourceIds);
                strings("messages", stats.messages);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeNumberField("otherFailures", r.otherFailures);
        }

        private void strings(String field, Iterable<String> values) throws IOException {
            out.writeArrayFieldStart(field);
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        }

        private void sessions() throws IOException {
            out.writeObjectFieldStart("sessions");
            out.writeNumberField("count", r.sessionIds.size());
            out.writeNumberField("started", r.sessionsStarted);
            out.writeNumberField("ended", r.sessionsEnded);
            out.writeNumberField("open", Math.max(0, r.sessionsStarted - r.sessionsEnded));
            percentiles(r.sessionsEnded == 0 ? null : r.sessionDurations, "duration");
            out.writeArrayFieldStart("longest");
            for (DslEvent event : r.longestSessions()) {
                SessionEnded ended = (SessionEnded) event.payload();
                out.writeStartObject();
                out.writeStringField(
                        "id", event.sessionId() == null ? "" : event.sessionId().toString());
                out.writeNumberField("start", millis(event.epochNanos() - ended.durationNanos()));
                out.writeNumberField("end", millis(event.epochNanos()));
                out.writeNumberField("durationMs", ended.durationNanos() / 1e6);
                out.writeNumberField("commands", ended.commandCount());
                out.writeNumberField("errors", ended.errorCount());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        private void conversation() throws IOException {
            if (r.options().session() == null) {
                out.writeNullField("conversation");
                return;
            }
            out.writeObjectFieldStart("conversation");
            out.writeStringField("session", r.options().session().toString());
            out.writeBooleanField("found", !r.conversation.isEmpty());
            out.writeArrayFieldStart("items");
            List<DslEvent> items = new ArrayList<>(r.conversation);
            items.sort((a, b) -> Long.compare(a.epochNanos(), b.epochNanos()));
            for (DslEvent event : items) {
                item(event);
            }
            out.writeEndArray();
            out.writeBooleanField("truncated", r.conversationTruncated);
            out.writeEndObject();
        }

        private void item(DslEvent event) throws IOException {
            out.writeStartObject();
            out.writeNumberField("t", millis(event.epochNanos()));
            EventPayload payload = event.payload();
            if (payload instanceof SessionEntry entry) {
                out.writeStringField("kind", "entry");
                out.writeStringField("entry", entry.entryType().wireName());
                out.writeNumberField("no", entry.entryNo());
                out.writeStringField("source", Texts.cut(entry.source(), ReportAggregator.MAX_VERB_CHARS));
                out.writeStringField("content", Texts.cut(entry.content(), Texts.MAX_CONTENT_CHARS));
            } else if (payload instanceof CommandSucceeded ok) {
                command(ok.verb(), ok.durationNanos(), null, null);
            } else if (payload instanceof CommandFailed failed) {
                command(
                        failed.verb(),
                        failed.durationNanos(),
                        failed.error().errorType(),
                        failed.error().message());
            } else if (payload instanceof SessionStarted started) {
                out.writeStringField("kind", "session");
                out.writeStringField("what", "started");
                out.writeStringField("detail", started.source().name());
            } else if (payload instanceof SessionEnded ended) {
                out.writeStringField("kind", "session");
                out.writeStringField("what", "ended");
                out.writeStringField(
                        "detail",
                        String.format(
                                Locale.ROOT,
                                "%,d commands, %,d failed, %.1f s",
                                ended.commandCount(),
                                ended.errorCount(),
                                ended.durationNanos() / 1e9));
            }
            out.writeEndObject();
        }

        private void command(String verb, long durationNanos, String errorType, String message) throws IOException {
            out.writeStringField("kind", "command");
            out.writeStringField("verb", Texts.cut(verb, ReportAggregator.MAX_VERB_CHARS));
            out.writeNumberField("durationMs", durationNanos / 1e6);
            out.writeBooleanField("failed", errorType != null);
            if (errorType == null) {
                out.writeNullField("errorType");
                out.writeNullField("message");
            } else {
                out.writeStringField("errorType", errorType);
                out.writeStringField("message", Texts.cut(message, ReportAggregator.MAX_MESSAGE_CHARS));
            }
        }
    }

    static long millis(long epochNanos) {
        return Math.floorDiv(epochNanos, 1_000_000L);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : round(100.0 * part / whole);
    }

    /** To 3 decimals: enough for a page, and a shorter file. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Escapes for JSON that sits inside an HTML script element. */
    static final class HtmlSafe extends CharacterEscapes {

        static final HtmlSafe INSTANCE = new HtmlSafe();

        private final int[] ascii;

        private HtmlSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029 || Character.isSurrogate((char) ch) || Character.isISOControl(ch)) {
                return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
            }
            return null;
        }
    }
}
