#!/usr/bin/env bash
# Start-up time and resident memory of Canopy's variants beside spring-petclinic, in interleaved runs.
#
# Usage: bench/startup.sh [runs=5]
#   CANOPY_JAR     Canopy's executable jar (default target/canopy.jar; build with mvn -B -ntp -q -DskipTests package)
#   PETCLINIC_JAR  spring-petclinic's jar (default /work/petclinic/target/spring-petclinic-*.jar), built from its
#                  repository with the same command
#   JVM_FLAGS      JVM flags given to every start, Canopy's and petclinic's alike (default none)
#   VARIANTS       which rows to run, in this order within a round (default all of:
#                  canopy canopy-lazy canopy-cds canopy-cds-full canopy-nodemo canopy-xmx512m petclinic;
#                  canopy-extracted is also known)
#   REQUESTS       requests after the first 200 before the second RSS reading (default 1000)
#   PORT           loopback port (default 18093; the script stops if something already listens on it)
#
# Each start runs in a new temporary working directory, so Canopy's H2 file database (./data) is new and the demo
# partnership is loaded every time. The clock starts just before `java` is launched; the page is polled every
# 100 ms until it answers 200 (Canopy: /sign-in, which needs no session; petclinic: /). RSS is VmRSS from
# /proc/PID/status right after the first 200. Then "ready": until Canopy's /actuator/health/readiness answers 200
# (after the demo load, which runs once the port is open; petclinic: /actuator/health, its data being loaded
# before the port opens). Then REQUESTS sequential GETs of the same page (one curl, one kept-alive connection,
# every answer checked to be 200), and VmRSS again. Heap used and committed after the requests come from `jcmd PID GC.heap_info`.
# One round starts every variant once, in the order above, so that load from neighbours falls on all alike.
#
# Variants:
#   canopy            java -jar canopy.jar
#   canopy-lazy       the same with --spring.main.lazy-initialization=true
#   canopy-extracted  the jar extracted with `java -Djarmode=tools -jar canopy.jar extract` (Spring Boot's
#                     CDS-friendly layout: lib/ beside a thin jar), no archive
#   canopy-cds        the extracted jar with -XX:SharedArchiveFile=canopy.jsa, made once before the rounds by a
#                     training run: -XX:ArchiveClassesAtExit=canopy.jsa -Dspring.context.exit=onRefresh (as Spring
#                     Boot's documentation describes; the demo load, an ApplicationRunner, runs after refresh and
#                     is therefore not in the training run)
#   canopy-cds-full   the same layout with an archive trained on a whole run instead: started, the demo loaded,
#                     REQUESTS GETs of /sign-in, then stopped with SIGTERM (the archive is written at exit)
#   canopy-nodemo     --canopy.demo.enabled=false on the empty database: the demo load's cost. /sign-in still
#                     answers 200 (the page is the same; nobody can sign in until an administrator is created)
#   canopy-xmx512m    -Xmx512m: a stated heap instead of the default (a quarter of physical memory)
#   petclinic         java -jar spring-petclinic.jar (its default in-memory H2 database)
#
# Or: bench/startup.sh import [rows=1000000] [JVM flag ...]
#   Memory after a large import: starts `ImportBenchmark serve` (the demo on a new H2 file database, run from the
#   test classpath as bench/dashboard-wrk.sh does) with the given JVM flags (none: the default heap), which adds the
#   benchmark areas, writes ROWS generated observations to a CSV and POSTs it to /api/v1/observations (streamed
#   from the file, in the same JVM), then prints READY. Reports whether the import succeeded and its time, VmRSS
#   and VmHWM (the peak) from /proc, the heap used and committed (jcmd GC.heap_info), and the same after a full
#   collection (jcmd GC.run): what stays live.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == import ]]; then
  rows="${2:-1000000}"
  port="${PORT:-18094}"
  mkdir -p target/bench
  if [[ ! -f target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
    mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  fi
  [[ -f target/test-classes/org/canopy/bench/ImportBenchmark.class ]] || mvn -B -ntp -q test-compile
  ! ss -ltn "sport = :$port" | grep -q LISTEN || { echo "port $port is in use"; exit 1; }
  cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
  log="target/bench/import-memory-$port.log"
  : > "$log"
  echo "import of $rows rows; JVM flags: ${*:3}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s)
  java "${@:3}" -cp "$cp" org.canopy.bench.ImportBenchmark serve "$port" "$rows" > "$log" 2>&1 &
  app=$!
  trap 'kill "$app" 2>/dev/null || true' EXIT
  until grep -q READY "$log"; do
    if ! kill -0 "$app" 2>/dev/null || grep -q 'Exception in thread "main"\|OutOfMemoryError' "$log"; then
      echo "FAILED after $(( $(date +%s) - start )) s:"; grep -m3 -i 'exception\|error' "$log" | cut -c1-400
      awk '/^VmRSS:|^VmHWM:/ { printf "%s %.0f MB\n", $1, $2 / 1024 }' "/proc/$app/status" 2>/dev/null || true
      exit 1
    fi
    sleep 1
  done
  echo "READY after $(( $(date +%s) - start )) s (start, demo load, CSV generation and import)"
  awk '/^VmRSS:|^VmHWM:/ { printf "%s %.0f MB\n", $1, $2 / 1024 }' "/proc/$app/status"
  jcmd "$app" GC.heap_info | grep -m1 'heap' | sed 's/^ */heap before a full GC: /'
  jcmd "$app" GC.run > /dev/null
  jcmd "$app" GC.heap_info | grep -m1 'heap' | sed 's/^ */heap after a full GC:  /'
  awk '/^VmRSS:/ { printf "%s %.0f MB after the full GC\n", $1, $2 / 1024 }' "/proc/$app/status"
  jcmd "$app" VM.flags | tr ' ' '\n' | grep -E 'MaxHeapSize|InitialHeapSize|Use.*GC$' | tr '\n' ' '; echo
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

runs="${1:-5}"
port="${PORT:-18093}"
requests="${REQUESTS:-1000}"
canopy_jar="$(realpath "${CANOPY_JAR:-target/canopy.jar}")"
petclinic_jar="${PETCLINIC_JAR:-$(ls /work/petclinic/target/spring-petclinic-*.jar 2>/dev/null | grep -v original | head -1)}"
read -r -a flags <<< "${JVM_FLAGS:-}"
variants=(${VARIANTS:-canopy canopy-lazy canopy-cds canopy-cds-full canopy-nodemo canopy-xmx512m petclinic})
[[ -f "$canopy_jar" ]] || { echo "no Canopy jar at $canopy_jar: mvn -B -ntp -q -DskipTests package"; exit 1; }
[[ " ${variants[*]} " != *" petclinic "* || -f "$petclinic_jar" ]] || { echo "set PETCLINIC_JAR"; exit 1; }
petclinic_jar="$(realpath "$petclinic_jar" 2>/dev/null || echo "")"

work="$(realpath -m target/bench/startup)"
rm -rf "$work"
mkdir -p "$work"
results="$work/results.tsv"
printf 'round\tvariant\tfirst200_s\trss_start_mb\tready_s\trss_after_mb\theap_used_mb\theap_committed_mb\trequests_s\tspring_started\n' > "$results"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB; $(java -version 2>&1 | head -1)"
echo "JVM_FLAGS: ${JVM_FLAGS:-(none)}; $runs rounds of: ${variants[*]}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

page_of() { [[ "$1" == petclinic ]] && echo / || echo /sign-in; }
# Ready to take traffic: Canopy's readiness probe answers 200 only after the demo load (an ApplicationRunner that
# runs after the port opens); petclinic loads its data before the port opens and has no probe groups enabled.
ready_of() { [[ "$1" == petclinic ]] && echo /actuator/health || echo /actuator/health/readiness; }

# The command (after `java` and the shared flags) for a variant.
command_of() {
  case "$1" in
    canopy) echo "-jar $canopy_jar" ;;
    canopy-lazy) echo "-jar $canopy_jar --spring.main.lazy-initialization=true" ;;
    canopy-extracted) echo "-jar $work/extracted/canopy.jar" ;;
    canopy-cds) echo "-XX:SharedArchiveFile=$work/extracted/canopy.jsa -jar $work/extracted/canopy.jar" ;;
    canopy-cds-full) echo "-XX:SharedArchiveFile=$work/extracted/canopy-full.jsa -jar $work/extracted/canopy.jar" ;;
    canopy-nodemo) echo "-jar $canopy_jar --canopy.demo.enabled=false" ;;
    canopy-xmx512m) echo "-Xmx512m -jar $canopy_jar" ;;
    petclinic) echo "-jar $petclinic_jar" ;;
    *) echo "unknown variant $1" >&2; exit 1 ;;
  esac
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Starts java with the given arguments in a new working directory; sets $pid and $dir.
launch() {
  dir="$(mktemp -d "$work/run-XXXX")"
  (cd "$dir" && exec java "${flags[@]}" "$@" --server.port="$port" --server.address=127.0.0.1 > "$dir/app.log" 2>&1) &
  pid=$!
}

port_busy() { ss -ltn "sport = :$port" | grep -q LISTEN; }
! port_busy || { echo "port $port is in use: PORT=... bench/startup.sh"; exit 1; }
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true' EXIT

stop() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  while port_busy; do sleep 0.1; done
}

wait_for_200() {  # pid url; prints nothing, fails when the process dies or after 180 s
  local deadline=$((SECONDS + 180))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$2" || true)" == 200 ]]; do
    kill -0 "$1" 2>/dev/null || { echo "process $1 died; log:"; tail -30 "$dir/app.log"; return 1; }
    (( SECONDS < deadline )) || { echo "no 200 from $2 within 180 s"; return 1; }
    sleep 0.1
  done
}

hammer() {  # url: REQUESTS sequential GETs on one connection; fails unless every one answered 200
  local config="$work/curl-$requests-$(tr -c 'a-z0-9\n' _ <<< "$1").conf" codes
  if [[ ! -f "$config" ]]; then
    for _ in $(seq 1 "$requests"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$1"; done > "$config"
  fi
  codes="$(curl -s -w '%{http_code}\n' -K "$config" | sort | uniq -c | tr -s ' ')"
  [[ "$codes" == " $requests 200" ]] || { echo "not all 200: $codes"; return 1; }
}

prepare_cds() {
  [[ -d "$work/extracted" ]] && return
  java -Djarmode=tools -jar "$canopy_jar" extract --destination "$work/extracted" > /dev/null
  if [[ " ${variants[*]} " == *" canopy-cds "* ]]; then
    echo "CDS training run (exit on refresh) ..."
    launch -XX:ArchiveClassesAtExit="$work/extracted/canopy.jsa" -Dspring.context.exit=onRefresh \
      -jar "$work/extracted/canopy.jar"
    wait "$pid" || true
    [[ -f "$work/extracted/canopy.jsa" ]] || { echo "no archive; log:"; tail -30 "$dir/app.log"; exit 1; }
    rm -rf "$dir"
  fi
  if [[ " ${variants[*]} " == *" canopy-cds-full "* ]]; then
    echo "CDS training run (a whole run and $requests requests) ..."
    launch -XX:ArchiveClassesAtExit="$work/extracted/canopy-full.jsa" -jar "$work/extracted/canopy.jar"
    wait_for_200 "$pid" "http://127.0.0.1:$port/sign-in"
    hammer "http://127.0.0.1:$port/sign-in"
    stop "$pid"
    [[ -f "$work/extracted/canopy-full.jsa" ]] || { echo "no archive; log:"; tail -30 "$dir/app.log"; exit 1; }
    rm -rf "$dir"
  fi
  ls -la "$work"/extracted/*.jsa 2>/dev/null | awk '{ print "archive " $NF ": " int($5 / 1048576) " MB" }'
}
[[ " ${variants[*]} " == *" canopy-extracted "* || " ${variants[*]} " == *" canopy-cds"* ]] && prepare_cds

one_run() {  # round variant
  local variant="$2" url="http://127.0.0.1:$port$(page_of "$2")" start first ready rss1 rss2 t0 t1 heap used committed started
  read -r -a args <<< "$(command_of "$variant")"
  start=$(date +%s%N)
  launch "${args[@]}"
  wait_for_200 "$pid" "$url"
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  rss1=$(rss_mb "$pid")
  wait_for_200 "$pid" "http://127.0.0.1:$port$(ready_of "$variant")"
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  t0=$(date +%s%N)
  hammer "$url"
  t1=$(date +%s%N)
  rss2=$(rss_mb "$pid")
  heap="$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -m1 'garbage-first heap\|def new generation\|PSYoungGen' || true)"
  # "garbage-first heap   total 262144K, used 98304K [..." -> MB
  committed=$(sed -n 's/.*total \([0-9]*\)K.*/\1/p' <<< "$heap"); used=$(sed -n 's/.*used \([0-9]*\)K.*/\1/p' <<< "$heap")
  started="$( (grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$dir/app.log" | head -1 || true) \
    | sed 's/Started [A-Za-z]* in \([0-9.]*\) seconds (process running for \([0-9.]*\))/\1 s (JVM \2 s)/')"
  stop "$pid"
  printf '%s\t%s\t%.2f\t%s\t%.2f\t%s\t%s\t%s\t%.2f\t%s\n' "$1" "$variant" "$(bc -l <<< "$first / 1000")" "$rss1" \
    "$(bc -l <<< "$ready / 1000")" "$rss2" \
    "$(( ${used:-0} / 1024 ))" "$(( ${committed:-0} / 1024 ))" "$(bc -l <<< "($t1 - $t0) / 1000000000")" "$started" \
    | tee -a "$results"
  rm -rf "$dir"
}

for round in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    one_run "$round" "$variant"
  done
  echo "load average after round $round: $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo
echo "Medians over $runs rounds (first 200 and ready in s from launch; RSS and heap in MB; $requests requests in s):"
printf '%-18s %8s %10s %8s %10s %9s %9s %8s\n' variant first200 rss_start ready rss_after heap_used heap_comm requests
for variant in "${variants[@]}"; do
  median() { awk -F'\t' -v v="$variant" -v c="$1" '$2 == v { print $c }' "$results" | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
  printf '%-18s %8s %10s %8s %10s %9s %9s %8s\n' "$variant" "$(median 3)" "$(median 4)" "$(median 5)" "$(median 6)" \
    "$(median 7)" "$(median 8)" "$(median 9)"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "each run: $results"
