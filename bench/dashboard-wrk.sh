#!/usr/bin/env bash
# Throughput and latency of the dashboard page under wrk, on loopback, signed in as the demo coordinator.
# Starts Canopy's demo on a fresh H2 file database (target/bench/h2-PORT), optionally with generated
# observations imported first, runs a warm-up and then the measured wrk run, and stops the app.
# Usage: bench/dashboard-wrk.sh [observations=0] [duration=20s] [port=8089] [--spring.setting=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-0}"
duration="${2:-20s}"
port="${3:-8089}"
base="http://127.0.0.1:$port"
mkdir -p target/bench
if [[ ! -f target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
mvn -B -ntp -q test-compile
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
log="target/bench/dashboard-app-$port.log"
java ${JAVA_OPTS:-} -cp "$cp" org.canopy.bench.ImportBenchmark serve "$port" "$rows" "${@:4}" > "$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q READY "$log" && break
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep READY "$log"

# Form sign-in with the CSRF token from the sign-in page; wrk then sends the session cookie.
jar=$(mktemp)
token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=coordinator" --data-urlencode "password=demo" \
  --data-urlencode "_csrf=$token" "$base/sign-in"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar")
rm -f "$jar"
status=$(curl -s -o target/bench/dashboard.html -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$base/dashboard")
[[ "$status" == 200 ]] && grep -q 'Data dashboard\|dashboard' target/bench/dashboard.html || { echo "dashboard answered $status"; exit 1; }
echo "dashboard page: $(wc -c < target/bench/dashboard.html) bytes"

wrk -t2 -c8 -d10s -H "Cookie: JSESSIONID=$session" "$base/dashboard" > /dev/null   # warm-up
wrk -t2 -c8 -d"$duration" --latency -H "Cookie: JSESSIONID=$session" "$base/dashboard" | tee "target/bench/dashboard-wrk-$rows-$port.txt"
