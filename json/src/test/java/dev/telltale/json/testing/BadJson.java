package dev.telltale.json.testing;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * JSON that is not a valid event, and exactly what a reader must say about it: the format's own
 * tests decode it alone ({@code EventJsonBadInputTest}); the JSON Lines reader's tests read it as a
 * line of a file and expect the same reason, located at the file and line.
 */
public final class BadJson {

    private static final String GOOD = GoldenLines.GOLDEN_SUCCEEDED;
    static final String COMMON = "'v':1,'ts':'2026-11-27T04:31:27.123456789Z',";
    private static final String SUCCEEDED = COMMON + "'type':'command_succeeded',";
    private static final String FAILED = COMMON + "'type':'command_failed','verb':'x','duration_ns':1,";
    private static final String ENDED = COMMON + "'type':'session_ended',";
    private static final String ENTRY =
            COMMON + "'type':'session_entry','entry':'response','entry_no':1," + "'source':'REPL','content':'c',";
    private static final String ACCOUNT = COMMON + "'type':'recorder_account','since':'2026-11-27T04:31:26Z',"
            + "'dropped_queue_full':1,'dropped_closed':0,'dropped_null':0,'lost':0,'emitted':9,'persisted':8,"
            + "'dropped_total':1,'lost_total':0,";
    private static final String REF_SESSION = "'session':'0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b'";

    /** A bad line and exactly what the reader must say about it. */
    public static Stream<Arguments> badLines() {
        return Stream.of(
                bad("[1,2]", "expected a JSON object, got an array"),
                bad("\"event\"", "expected a JSON object, got a string"),
                bad("\"unterminated", "expected a JSON object, got a string"),
                bad("42", "expected a JSON object, got an integer"),
                bad("null", "expected a JSON object, got null"),
                bad(
                        json("{'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "missing field 'v'"),
                bad(json("{'v':1,'type':'command_succeeded','verb':'x','duration_ns':1}"), "missing field 'ts'"),
                bad(json("{" + COMMON + "'verb':'x','duration_ns':1}"), "missing field 'type'"),
                bad(json("{" + SUCCEEDED + "'duration_ns':1}"), "missing field 'verb'"),
                bad(json("{" + ACCOUNT.substring(0, ACCOUNT.length() - 1) + "}"), "missing field 'final'"),
                bad(json("{" + ACCOUNT + "'final':'yes'}"), "field 'final' must be true or false, got a string"),
                bad(
                        json("{" + ACCOUNT.replace("'lost':0", "'lost':-2") + "'final':false}"),
                        "field 'lost' must not be negative, got -2"),
                bad(
                        json("{" + ACCOUNT.replace("'since':'2026-11-27T04:31:26Z',", "") + "'final':true}"),
                        "missing field 'since'"),
                bad(json("{" + SUCCEEDED + "'verb':'x'}"), "missing field 'duration_ns'"),
                bad(json("{" + FAILED.substring(0, FAILED.length() - 1) + "}"), "missing field 'error'"),
                bad(json("{" + FAILED + "'error':{'message':'m','verb':'x'}}"), "missing field 'error.type'"),
                bad(json("{" + FAILED + "'error':{'type':'T','verb':'x'}}"), "missing field 'error.message'"),
                bad(json("{" + FAILED + "'error':{'type':'T','message':'m'}}"), "missing field 'error.verb'"),
                bad(json("{" + COMMON + "'type':'session_started'}"), "missing field 'source'"),
                bad(json("{" + ENDED + "'error_count':0,'duration_ns':1}"), "missing field 'command_count'"),
                bad(json("{" + ENDED + "'command_count':0,'duration_ns':1}"), "missing field 'error_count'"),
                bad(
                        json(
                                "{'v':7,'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "unsupported schema version 7 (this reader knows 1)"),
                bad(
                        json(
                                "{'v':0,'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "unsupported schema version 0 (this reader knows 1)"),
                bad(
                        json(
                                "{'v':'1','ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'v' must be an integer, got a string"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':'5'}"),
                        "field 'duration_ns' must be an integer, got a string"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':1.5}"),
                        "field 'duration_ns' must be an integer, got a decimal number"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':99999999999999999999}"),
                        "field 'duration_ns' is out of range: \"99999999999999999999\""),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':-1}"),
                        "field 'duration_ns' must not be negative, got -1"),
                bad(
                        json("{" + SUCCEEDED + "'verb':['x'],'duration_ns':1}"),
                        "field 'verb' must be a string, got an array"),
                bad(
                        json("{" + SUCCEEDED + "'verb':' ','duration_ns':1}"),
                        "invalid command_succeeded event: verb must not be blank"),
                bad(
                        json("{" + SUCCEEDED + "'session':'not-a-uuid','verb':'x','duration_ns':1}"),
                        "field 'session' is not a UUID: \"not-a-uuid\""),
                bad(
                        json("{" + SUCCEEDED + "'session':'1-2-3-4-5','verb':'x','duration_ns':1}"),
                        "field 'session' is not a UUID: \"1-2-3-4-5\""),
                bad(
                        json("{" + SUCCEEDED + "'session':12,'verb':'x','duration_ns':1}"),
                        "field 'session' must be a string, got an integer"),
                bad(
                        json("{'v':1,'ts':'yesterday','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'ts' is not an ISO-8601 UTC instant: \"yesterday\""),
                bad(
                        json(
                                "{'v':1,'ts':'+300000-01-01T00:00:00Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'ts' is out of range (years 1677 to 2262): \"+300000-01-01T00:00:00Z\""),
                bad(json("{" + COMMON + "'type':'command_exploded'}"), "unknown event type \"command_exploded\""),
                bad(
                        json("{" + COMMON + "'type':'session_started','source':'TELNET'}"),
                        "unknown session source \"TELNET\""),
                bad(json("{" + FAILED + "'error':'boom'}"), "field 'error' must be an object, got a string"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':'404'}}"),
                        "field 'error.http_status' must be an integer, got a string"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':700}}"),
                        "invalid command_failed event: httpStatus must lie in 100..599, got 700"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':4294967700}}"),
                        "field 'error.http_status' is out of range: 4294967700"),
                bad(
                        json("{" + ENDED + "'command_count':2,'error_count':3,'duration_ns':1}"),
                        "invalid session_ended event: need 0 <= errorCount <= commandCount, got errorCount=3 commandCount=2"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry_no':1,'source':'REPL','content':'c'}"),
                        "missing field 'entry'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','source':'REPL','content':'c'}"),
                        "missing field 'entry_no'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','entry_no':1,'content':'c'}"),
                        "missing field 'source'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','entry_no':1,'source':'REPL'}"),
                        "missing field 'content'"),
                bad(json("{" + ENTRY.replace("'response'", "'shout'") + "'x':0}"), "unknown entry type \"shout\""),
                bad(
                        json("{" + ENTRY.replace("'entry_no':1", "'entry_no':0") + "'x':0}"),
                        "field 'entry_no' must be positive, got 0"),
                bad(
                        json("{" + ENTRY.replace("'entry_no':1", "'entry_no':'1'") + "'x':0}"),
                        "field 'entry_no' must be an integer, got a string"),
                bad(
                        json("{" + ENTRY.replace("'content':'c'", "'content':null") + "'x':0}"),
                        "field 'content' must be a string, got null"),
                bad(
                        json("{" + ENTRY.replace("'source':'REPL'", "'source':' '") + "'x':0}"),
                        "invalid session_entry event: source must not be blank"),
                bad(json("{" + ENTRY + "'event':'cbu.create'}"), "field 'event' must be an object, got a string"),
                bad(
                        json("{" + ENTRY + "'event':{'ts':'2026-11-27T04:31:27Z','verb':'v'}}"),
                        "missing field 'event.session'"),
                bad(json("{" + ENTRY + "'event':{" + REF_SESSION + ",'verb':'v'}}"), "missing field 'event.ts'"),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z'}}"),
                        "missing field 'event.verb'"),
                bad(
                        json("{" + ENTRY + "'event':{'session':'x','ts':'2026-11-27T04:31:27Z','verb':'v'}}"),
                        "field 'event.session' is not a UUID: \"x\""),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'soon','verb':'v'}}"),
                        "field 'event.ts' is not an ISO-8601 UTC instant: \"soon\""),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z','verb':' '}}"),
                        "field 'event.verb' must not be blank"),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z','verb':7}}"),
                        "field 'event.verb' must be a string, got an integer"),
                bad(GOOD + " " + GOOD, "unexpected content after the JSON object"),
                bad(GOOD.substring(0, 50), "incomplete JSON object: the line ends early (a torn write?)"),
                bad("{\"v\":1,", "incomplete JSON object: the line ends early (a torn write?)"),
                bad("{\"v\":tr", "incomplete JSON object: the line ends early (a torn write?)"));
    }

    /** Lines the JSON parser rejects, and how the reader's message starts. */
    public static Stream<Arguments> malformedLines() {
        return Stream.of(
                bad("hello", "malformed JSON: Unrecognized token 'hello'"),
                bad("{'v':1}", "malformed JSON: Unexpected character ('''"),
                bad(GOOD + "}", "malformed JSON: Unexpected close marker '}'"),
                bad(json("{'v':1,'v':1}"), "malformed JSON: Duplicate field 'v'"),
                bad(json("{'v':1,'x':}"), "malformed JSON: Unexpected character ('}' (code 125)): expected a value"));
    }

    private static Arguments bad(String line, String reason) {
        return Arguments.of(line, reason);
    }

    /** JSON written with single quotes, for legibility. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private BadJson() {}
}
