package dev.telltale.core.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.api.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Replaces secrets before anything is persisted: the content of session entries, and the message and
 * source id of a failed command's error, pass through the built-in rules, then the configured ones,
 * then the {@link Redactor}s found as services. Runs on the drain thread only (the caller's cost does
 * not change); a succeeded command, which carries no free text, is not looked at. Counts what it
 * replaced ({@link #redacted()}, any thread).
 *
 * <p>A rule's pattern names the span it replaces {@code secret} (the rest of its match, such as the
 * {@code password=} before a password, is kept); a pattern without that group replaces all it matches.
 */
public final class Redaction {

    /** Redacts nothing: redaction switched off. */
    public static final Redaction NONE = new Redaction(List.of(), List.of());

    /** The built-in rules, by name, in the order they run. */
    static final List<Rule> BUILT_IN = List.of(
            new Rule(
                    "private-key",
                    Pattern.compile(
                            "(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)"),
                    false,
                    List.of("PRIVATE KEY-----")),
            new Rule(
                    "jwt",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
                    false,
                    List.of("eyJ")),
            new Rule(
                    "github-token",
                    Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b"),
                    false,
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Rule("slack-token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"), false, List.of("xox")),
            new Rule(
                    "aws-access-key-id",
                    Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA)[0-9A-Z]{16}\\b"),
                    false,
                    List.of("AKIA", "ASIA", "AIDA", "AROA")),
            new Rule(
                    "aws-secret-key",
                    Pattern.compile(
                            "(?i)(?=a)aws[_-]?secret[_-]?(?:access[_-]?)?key[\"']?\\s*[=:]\\s*[\"']?(?<secret>[A-Za-z0-9/+]{40})"),
                    false,
                    List.of("aws")),
            new Rule(
                    "url-password",
                    Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:(?<secret>[^/\\s@]+)(?=@)"),
                    false,
                    List.of("://")),
            new Rule(
                    "bearer",
                    Pattern.compile("(?i)\\b(?=[bt])(?:Bearer|Basic|Token)\\s+(?<secret>[A-Za-z0-9._~+/=-]{8,})"),
                    false,
                    List.of("bearer", "basic", "token")),
            new Rule(
                    "password",
                    Pattern.compile(
                            "(?i)\\b(?=[pstacr])(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey"
                                    + "|access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|client[_-]?secret"
                                    + "|private[_-]?key)[\"']?\\s*[=:]\\s*(?<secret>\"[^\"]*\"|'[^']*'|[^\\s\"',;&]+)"),
                    false,
                    List.of("pass", "pwd", "secret", "token", "key")),
            new Rule("card-number", Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"), true));

    /**
     * A rule: its name (in the marker), its pattern, whether a match must also pass the Luhn check, and
     * the words one of which any match holds (any case), looked for first ({@link #possibleRules}) so that
     * a text that holds none costs one pass rather than a regular expression's search; empty: always
     * searched (a Luhn rule: when the text holds 13 digits or more).
     */
    record Rule(String name, Pattern pattern, boolean luhn, List<String> triggers) {
        Rule(String name, Pattern pattern, boolean luhn) {
            this(name, pattern, luhn, List.of());
        }

        /** Whether the pattern names the span it replaces ({@code (?<secret>…)}). */
        boolean replacesGroup() {
            return pattern.pattern().contains("(?<secret>");
        }
    }

    /**
     * The built-in rules' trigger words by their first character (lower case ASCII): a text is read once,
     * and only the rules one of whose words it holds are searched with their regular expression.
     */
    private static final Trigger[][] TRIGGERS = triggerTable();

    /** ASCII characters in lower case, by code. */
    private static final char[] LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    /** A trigger word and the rule (its index in the list) it lets be searched. */
    private record Trigger(String word, int rule) {
        /** The word's second character, lower case (every trigger has two or more). */
        char second() {
            return Character.toLowerCase(word.charAt(1));
        }
    }

    private static Trigger[][] triggerTable() {
        List<List<Trigger>> byChar = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byChar.add(new ArrayList<>());
        }
        for (int rule = 0; rule < BUILT_IN.size(); rule++) {
            for (String word : BUILT_IN.get(rule).triggers()) {
                byChar.get(Character.toLowerCase(word.charAt(0))).add(new Trigger(word, rule));
            }
        }
        Trigger[][] table = new Trigger[128][];
        for (int c = 0; c < 128; c++) {
            table[c] = byChar.get(c).toArray(Trigger[]::new);
        }
        return table;
    }

    /**
     * The rules that may match {@code text}, as bits by index: the built-in rules whose trigger words it
     * holds (in any case), the card rule when it holds 13 digits or more, and every rule without
     * triggers (the configured ones). One pass over the text; allocates nothing.
     */
    private long possibleRules(String text) {
        long possible = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
            Trigger[] starting = TRIGGERS[c < 128 ? LOWER[c] : 0];
            if (starting.length == 0) {
                continue;
            }
            char following = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            char next = following < 128 ? LOWER[following] : following;
            for (Trigger trigger : starting) {
                // NOTE: the second character first: most letters start no trigger that follows.
                if (trigger.second() == next
                        && text.regionMatches(
                                true, i, trigger.word(), 0, trigger.word().length())) {
                    possible |= 1L << trigger.rule();
                }
            }
        }
        for (int i = 0; i < rules.size() && i < Long.SIZE - 1; i++) {
            Rule rule = rules.get(i);
            if (rule.luhn() ? digits >= 13 : rule.triggers().isEmpty()) {
                possible |= 1L << i;
            }
        }
        return possible;
    }

    /** Shorter texts are not searched: no secret worth a rule is this short. */
    private static final int SHORTEST_SECRET = 4;

    private final List<Rule> rules;
    private final List<Redactor> redactors;
    // NOTE: single writer (the drain thread); volatile so that stats() on any thread sees it.
    private volatile long redacted;

    private Redaction(List<Rule> rules, List<Redactor> redactors) {
        this.rules = rules;
        this.redactors = redactors;
    }

    /**
     * The built-in rules, then {@code userRules} (name to regular expression), then {@code redactors}.
     *
     * @throws IllegalArgumentException naming the rule whose pattern is not a valid regular expression
     */
    public static Redaction of(Map<String, String> userRules, List<Redactor> redactors) {
        List<Rule> rules = new ArrayList<>(BUILT_IN);
        userRules.forEach((name, regex) -> rules.add(new Rule(name, compile(name, regex), false)));
        return new Redaction(List.copyOf(rules), List.copyOf(redactors));
    }

    /**
     * Compiles a configured rule's pattern.
     *
     * @throws IllegalArgumentException naming the rule and saying what is wrong with its pattern
     */
    public static Pattern compile(String name, String regex) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "redact rule name: letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("redact rule '" + name + "' has no pattern");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException | NullPointerException e) {
            String why = e instanceof PatternSyntaxException syntax ? syntax.getDescription() : "no pattern";
            throw new IllegalArgumentException("redact rule '" + name + "' is not a valid regular expression: " + why);
        }
    }

    /** Secrets replaced so far. Any thread. */
    public long redacted() {
        return redacted;
    }

    /** Whether it redacts anything at all. */
    public boolean isEnabled() {
        return !rules.isEmpty() || !redactors.isEmpty();
    }

    /** Replaces each event of {@code batch} that held a secret by its redacted copy. Drain thread. */
    public void apply(List<DslEvent> batch) {
        if (!isEnabled()) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            DslEvent event = batch.get(i);
            DslEvent clean = redact(event);
            if (clean != event) {
                batch.set(i, clean);
            }
        }
    }

    /** {@code event} with its secrets replaced, or {@code event} itself when it held none. Drain thread. */
    public DslEvent redact(DslEvent event) {
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.CommandFailed failed) {
            ErrorSnapshot error = failed.error();
            String message = text(error.message());
            String sourceId = error.sourceId() == null ? null : text(error.sourceId());
            if (message == error.message() && sourceId == error.sourceId()) {
                return event;
            }
            return new DslEvent(
                    event.epochNanos(),
                    event.sessionId(),
                    new EventPayload.CommandFailed(
                            failed.verb(),
                            failed.durationNanos(),
                            new ErrorSnapshot(error.errorType(), message, sourceId, error.httpStatus(), error.verb())));
        }
        if (payload instanceof EventPayload.SessionEntry entry) {
            String content = text(entry.content());
            if (content == entry.content()) {
                return event;
            }
            return new DslEvent(
                    event.epochNanos(),
                    event.sessionId(),
                    new EventPayload.SessionEntry(
                            entry.entryType(), entry.entryNo(), entry.source(), content, entry.event()));
        }
        return event;
    }

    /** {@code text} with its secrets replaced, or {@code text} itself when it held none. */
    String text(String text) {
        if (text == null || text.length() < SHORTEST_SECRET) {
            return text;
        }
        long possible = possibleRules(text);
        String result = text;
        for (int i = 0; i < rules.size(); i++) {
            if (i >= Long.SIZE - 1 || (possible & (1L << i)) != 0) {
                result = apply(rules.get(i), result);
            }
        }
        for (Redactor redactor : redactors) {
            try {
                String redactedByIt = redactor.redact(result);
                if (redactedByIt != null && redactedByIt != result) {
                    redacted++;
                    result = redactedByIt;
                }
            } catch (RuntimeException | LinkageError broken) {
                // Passed over for this text: the rules before it have done their part.
            }
        }
        return result;
    }

    private String apply(Rule rule, String text) {
        Matcher matcher = rule.pattern().matcher(text);
        if (!matcher.find()) {
            return text;
        }
        boolean hasSecretGroup = rule.replacesGroup();
        StringBuilder out = null;
        int copied = 0;
        do {
            int start = hasSecretGroup ? matcher.start("secret") : matcher.start();
            int end = hasSecretGroup ? matcher.end("secret") : matcher.end();
            if (start < 0 || end <= start || rule.luhn() && !passesLuhn(text, start, end)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(Redactor.marker(rule.name()));
            copied = end;
            redacted++;
        } while (matcher.find());
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether the digits in {@code text[start, end)} (spaces and dashes aside) pass the Luhn check. */
    static boolean passesLuhn(CharSequence text, int start, int end) {
        int sum = 0;
        int digits = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            digits++;
            doubled = !doubled;
        }
        return digits >= 13 && digits <= 19 && sum % 10 == 0;
    }
}
