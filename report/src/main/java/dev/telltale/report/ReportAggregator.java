package dev.telltale.report;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventPayload.SessionStarted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Everything a report shows, aggregated from events in one pass, in memory bounded whatever the
 * number of events: per-verb, per-failure and per-session state is capped (the caps below; what is
 * beyond them is counted together), time is kept in at most {@link Timeline#MAX_BUCKETS} buckets,
 * durations in HdrHistograms (3 significant digits, as {@code telltale stats}, so the page's
 * percentiles are the CLI's). Add events with {@link #add}, then hand it to {@link ReportPage}.
 * Single thread.
 */
public final class ReportAggregator {

    /** The most verbs with a row of their own: {@value}; later verbs share one row. */
    static final int MAX_VERBS = 300;
    /** The most verbs with a latency series over time: {@value} (the first seen); the page shows the busiest. */
    static final int MAX_SERIES = 32;
    /** How many verbs the latency chart shows. */
    static final int CHART_VERBS = 5;
    /** The most (verb, error type) pairs listed: {@value}; later ones are counted together. */
    static final int MAX_FAILURES = 100;
    /** Examples kept per failure: messages, source ids. */
    static final int MAX_EXAMPLES = 2;

    static final int MAX_STATUSES = 10;
    /** The most chars of a verb, error type, message, source id or content the page keeps. */
    static final int MAX_VERB_CHARS = 100;

    static final int MAX_MESSAGE_CHARS = 200;
    static final int MAX_SOURCE_ID_CHARS = 60;
    /** The longest sessions listed: {@value}. */
    static final int LONGEST_SESSIONS = 20;
    /** Distinct session ids counted exactly up to this many; beyond, the count is a lower bound. */
    static final int MAX_SESSION_IDS = 1 << 20;
    /** The drop and loss intervals listed: {@value}. */
    static final int MAX_INTERVALS = 500;
    /** The most items of a conversation, and the most chars of content they keep together. */
    static final int MAX_CONVERSATION_ITEMS = 5000;

    static final int MAX_CONVERSATION_CHARS = 120_000;
    /** The most damage notes kept, and the most chars of each. */
    static final int MAX_SKIPPED = 20;

    static final int MAX_SKIPPED_CHARS = 300;

    private final ReportOptions options;

    // ---- totals ----
    long events;
    long commands;
    long failed;
    long sessionsStarted;
    long sessionsEnded;
    long entries;
    long accounts;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Histogram allDurations = new Histogram(3);
    final SessionIds sessionIds = new SessionIds(MAX_SESSION_IDS);

    // ---- verbs ----
    final Map<String, VerbStats> verbs = new HashMap<>();
    final VerbStats otherVerbs = new VerbStats(null, -1);
    long otherVerbNames;

    // ---- failures ----
    final Map<FailureKey, FailureStats> failures = new HashMap<>();
    long otherFailures;

    // ---- recorder ----
    long droppedQueueFull;
    long droppedClosed;
    long droppedNull;
    long lost;
    DslEvent finalAccount;
    final List<DslEvent> lossIntervals = new ArrayList<>();
    boolean lossIntervalsTruncated;

    // ---- time ----
    final Timeline timeline = new Timeline();

    // ---- sessions ----
    final Histogram sessionDurations = new Histogram(3);
    final PriorityQueue<DslEvent> longest = new PriorityQueue<>((a, b) ->
            Long.compare(((SessionEnded) a.payload()).durationNanos(), ((SessionEnded) b.payload()).durationNanos()));

    // ---- conversation ----
    final List<DslEvent> conversation = new ArrayList<>();
    boolean conversationTruncated;
    long conversationChars;

    final List<String> skipped = new ArrayList<>();
    long skippedMore;

    public ReportAggregator(ReportOptions options) {
        this.options = options;
    }

    public ReportOptions options() {
        return options;
    }

    /** Events added and inside the window: what the page counts as its events. */
    public long events() {
        return events;
    }

    /** Notes a part of the source that was skipped as damaged; the page lists it. */
    public void skipped(String what) {
        if (skipped.size() < MAX_SKIPPED) {
            skipped.add(Texts.cut(what, MAX_SKIPPED_CHARS));
        } else {
            skippedMore++;
        }
    }

    /** Adds one event; one outside the window is passed over. */
    public void add(DslEvent event) {
        long at = event.epochNanos();
        if (!options.covers(at)) {
            return;
        }
        events++;
        first = Math.min(first, at);
        last = Math.max(last, at);
        UUID session = event.sessionId();
        if (session != null) {
            sessionIds.add(session);
            if (session.equals(options.session())) {
                converse(event);
            }
        }
        EventPayload payload = event.payload();
        if (payload instanceof CommandSucceeded ok) {
            command(at, ok.verb(), ok.durationNanos(), null);
        } else if (payload instanceof CommandFailed failure) {
            command(at, failure.verb(), failure.durationNanos(), failure.error());
        } else if (payload instanceof SessionEntry) {
            entries++;
        } else if (payload instanceof SessionStarted) {
            sessionsStarted++;
        } else if (payload instanceof SessionEnded ended) {
            sessionEnded(event, ended);
        } else if (payload instanceof RecorderAccount account) {
            account(event, account);
        }
    }

    private void command(long at, String verb, long durationNanos, ErrorSnapshot error) {
        boolean isFailure = error != null;
        commands++;
        if (isFailure) {
            failed++;
            failure(verb, error);
        }
        allDurations.recordValue(durationNanos);
        VerbStats stats = verbs.get(verb);
        if (stats == null) {
            if (verbs.size() < MAX_VERBS) {
                stats = new VerbStats(verb, verbs.size() < MAX_SERIES ? timeline.addSeries() : -1);
                verbs.put(verb, stats);
            } else {
                stats = otherVerbs;
                otherVerbNames++; // an upper bound of the distinct names: a name seen twice counts twice
            }
        }
        stats.add(durationNanos, isFailure);
        timeline.command(at, isFailure, stats.seriesNo, durationNanos);
    }

    private void failure(String verb, ErrorSnapshot error) {
        FailureKey key = new FailureKey(verb, error.errorType());
        FailureStats stats = failures.get(key);
        if (stats == null) {
            if (failures.size() >= MAX_FAILURES) {
                otherFailures++;
                return;
            }
            stats = new FailureStats();
            failures.put(key, stats);
        }
        stats.count++;
        if (error.httpStatus() != null
                && (stats.statuses.size() < MAX_STATUSES || stats.statuses.containsKey(error.httpStatus()))) {
            stats.statuses.merge(error.httpStatus(), 1L, Long::sum);
        }
        if (error.sourceId() != null && stats.sourceIds.size() < MAX_EXAMPLES) {
            stats.sourceIds.add(Texts.cut(error.sourceId(), MAX_SOURCE_ID_CHARS));
        }
        if (!error.message().isEmpty() && stats.messages.size() < MAX_EXAMPLES) {
            stats.messages.add(Texts.cut(error.message(), MAX_MESSAGE_CHARS));
        }
    }

    private void sessionEnded(DslEvent event, SessionEnded ended) {
        sessionsEnded++;
        sessionDurations.recordValue(ended.durationNanos());
        if (longest.size() < LONGEST_SESSIONS) {
            longest.add(event);
        } else if (((SessionEnded) longest.peek().payload()).durationNanos() < ended.durationNanos()) {
            longest.poll();
            longest.add(event);
        }
    }

    private void account(DslEvent event, RecorderAccount account) {
        accounts++;
        droppedQueueFull += account.droppedQueueFull();
        droppedClosed += account.droppedClosed();
        droppedNull += account.droppedNull();
        lost += account.lost();
        if (account.dropped() > 0) {
            timeline.count(event.epochNanos(), Timeline.DROPPED, account.dropped());
        }
        if (account.lost() > 0) {
            timeline.count(event.epochNanos(), Timeline.LOST, account.lost());
        }
        if (account.dropped() + account.lost() > 0) {
            if (lossIntervals.size() < MAX_INTERVALS) {
                lossIntervals.add(event);
            } else {
                lossIntervalsTruncated = true;
            }
        }
        if (account.closing()) {
            finalAccount = event;
        }
    }

    private void converse(DslEvent event) {
        if (event.payload() instanceof RecorderAccount) {
            return;
        }
        if (conversation.size() >= MAX_CONVERSATION_ITEMS || conversationChars >= MAX_CONVERSATION_CHARS) {
            conversationTruncated = true;
            return;
        }
        conversation.add(event);
        if (event.payload() instanceof SessionEntry entry) {
            conversationChars += Math.min(entry.content().length(), Texts.MAX_CONTENT_CHARS);
        } else if (event.payload() instanceof CommandFailed failure) {
            conversationChars += Math.min(failure.error().message().length(), MAX_MESSAGE_CHARS);
        }
    }

    /** The longest sessions, longest first. */
    List<DslEvent> longestSessions() {
        List<DslEvent> sorted = new ArrayList<>(longest);
        sorted.sort((a, b) -> Long.compare(
                ((SessionEnded) b.payload()).durationNanos(), ((SessionEnded) a.payload()).durationNanos()));
        return sorted;
    }

    /** The verbs with rows, busiest first (ties by name). */
    List<VerbStats> verbsByCount() {
        List<VerbStats> sorted = new ArrayList<>(verbs.values());
        sorted.sort(
                (a, b) -> a.commands != b.commands ? Long.compare(b.commands, a.commands) : a.verb.compareTo(b.verb));
        return sorted;
    }

    /** A verb's counts and durations. */
    static final class VerbStats {
        final String verb;
        /** Its latency series in the timeline, or -1. */
        final int seriesNo;

        long commands;
        long failed;
        final PackedHistogram durations = new PackedHistogram(3);

        VerbStats(String verb, int seriesNo) {
            this.verb = verb;
            this.seriesNo = seriesNo;
        }

        void add(long durationNanos, boolean failure) {
            commands++;
            if (failure) {
                failed++;
            }
            durations.recordValue(durationNanos);
        }
    }

    record FailureKey(String verb, String errorType) {}

    /** One (verb, error type)'s count and examples. */
    static final class FailureStats {
        long count;
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Set<String> sourceIds = new LinkedHashSet<>();
        final Set<String> messages = new LinkedHashSet<>();
    }
}
