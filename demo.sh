#!/usr/bin/env bash
# The Telltale demo: builds with -Pevents, runs three concurrent sessions of the example DSL
# (450 commands, some failing), prints the recording health (:events), then shows the recorded
# events with `telltale tail` and `telltale stats`, writes the HTML report (`telltale report`), exports them to JSON Lines and to PostgreSQL
# (migrate, export, and a query joining a session's conversation to its commands' events).
#
#   ./demo.sh         the scripted demo
#   ./demo.sh demo --jdbc-url URL [--user U] [--password-env VAR]
#                     the same, exporting to your PostgreSQL (without it: an embedded one)
#   ./demo.sh repl    the same build, then the example REPL (interactive on a terminal; a script
#                     when standard input is piped), recording to target/demo/repl-events
set -euo pipefail
mode="${1:-demo}"
if [ "$mode" != demo ] && [ "$mode" != repl ]; then
  echo "usage: ./demo.sh [repl]" >&2
  exit 2
fi
cd "$(dirname "$0")"
here="$(pwd)"
out="$here/target/demo"
rm -rf "$out"
mkdir -p "$out"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "==> Building with -Pevents (the first run downloads the dependencies)"
# No clean needed: the events build compiles to target/classes-events, the plain one to target/classes.
# -q -Dstyle.color=never: Maven's errors still show, without stray colour codes.
./mvnw -B -q -Dstyle.color=never -Pevents install -DskipTests -Dinvoker.skip=true
echo "    built; resolving the example's class path"
./mvnw -B -q -Dstyle.color=never -Pevents -pl examples dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath"

if [ "$mode" = repl ]; then
  # shellcheck disable=SC2046
  exec "$java" $(cat bin/jvm-flags) -Dchronicle.announcer.disable=true -Dtelltale.store.dir="$out/repl-events" \
    -cp "examples/target/classes-events:$(cat "$out/classpath")" dev.telltale.examples.Repl
fi

echo "==> Running the example DSL: three concurrent sessions"
# shellcheck disable=SC2046
"$java" $(cat bin/jvm-flags) -Dchronicle.announcer.disable=true -Dtelltale.store=chronicle -Dtelltale.store.dir="$out/events" \
  -cp "examples/target/classes-events:$(cat "$out/classpath")" dev.telltale.examples.Demo

echo
echo "==> bin/telltale tail $out/events -n 12"
bin/telltale tail "$out/events" -n 12
echo
echo "==> bin/telltale stats $out/events"
bin/telltale stats "$out/events"
echo
echo "==> bin/telltale report $out/events -o $out/report.html"
bin/telltale report "$out/events" -o "$out/report.html"
echo
echo "==> bin/telltale export jsonl $out/events --out $out/events.jsonl --resume demo"
bin/telltale export jsonl "$out/events" --out "$out/events.jsonl" --resume demo
echo
# The PostgreSQL half: an embedded server unless the demo was given a database (see the usage above).
# shellcheck disable=SC2046
"$java" $(cat bin/jvm-flags) -Dchronicle.announcer.disable=true \
  -cp "examples/target/classes-events:$(cat "$out/classpath")" dev.telltale.examples.PostgresDemo "$out/events" "$out/pg" "${@:2}"
echo
echo "Recorded events (Chronicle Queue): $out/events"
echo "JSON Lines export:                 $out/events.jsonl ($(wc -l < "$out/events.jsonl") lines)"
echo "Report (open it in a browser):     $out/report.html"
echo "Try the REPL (./demo.sh repl) and follow it live from another terminal: bin/telltale tail $out/repl-events -f"
