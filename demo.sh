#!/usr/bin/env bash
# The Telltale demo: builds with -Pevents, runs three concurrent sessions of the example DSL
# (450 commands, some failing), prints the recording health (:events), then shows the recorded
# events with `telltale tail` and `telltale stats` and exports them to JSON Lines.
set -euo pipefail
cd "$(dirname "$0")"
here="$(pwd)"
out="$here/target/demo"
rm -rf "$out"
mkdir -p "$out"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "==> Building with -Pevents (the first run downloads the dependencies)"
mvn -B -q -Pevents install -DskipTests -Dinvoker.skip=true
mvn -B -q -Pevents -pl examples dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath"

echo "==> Running the example DSL: three concurrent sessions"
# shellcheck disable=SC2046
"$java" $(cat bin/jvm-flags) -Dtelltale.store=chronicle -Dtelltale.store.dir="$out/events" \
  -cp "examples/target/classes:$(cat "$out/classpath")" dev.telltale.examples.Demo

echo
echo "==> bin/telltale tail $out/events -n 12"
bin/telltale tail "$out/events" -n 12
echo
echo "==> bin/telltale stats $out/events"
bin/telltale stats "$out/events"
echo
echo "==> bin/telltale export jsonl $out/events --out $out/events.jsonl --resume demo"
bin/telltale export jsonl "$out/events" --out "$out/events.jsonl" --resume demo
echo
echo "Recorded events (Chronicle Queue): $out/events"
echo "JSON Lines export:                 $out/events.jsonl ($(wc -l < "$out/events.jsonl") lines)"
echo "Follow them live while the REPL runs: bin/telltale tail $out/events -f"
