#!/usr/bin/env bash
# A first start held by the clock (issue 20): the packaged jar starts on a new, empty folder (its embedded H2 database
# created there, the demo loaded), and every minute for the given time a person's saves are made through the pages as a
# browser makes them (a risk added, scored and reviewed; a meeting scheduled and its attendance recorded; an escalation
# raised; a child's message on the tell us page), each read back. The connection pool retires every connection after
# 30 minutes, so a run of 45 minutes crosses the point where saves used to fail. At the end the server's log is searched
# for errors. Prints one line a minute and closes with "N passed, N failed".
# Usage: bench/soak.sh [minutes=45] [port=8097]; CANOPY_JAR=path soaks that jar instead of building target/canopy.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-45}"
port="${2:-8097}"
base="http://127.0.0.1:$port"
repo=$(pwd)
built="${CANOPY_JAR:-$repo/target/canopy.jar}"
if [[ -z "${CANOPY_JAR:-}" && ( ! -f "$built" || -n "$(find src pom.xml -newer "$built" -print -quit)" ) ]]; then
  mvn -B -ntp -q package -DskipTests
fi
folder=$(mktemp -d)
# Its own copy, so that a build while the soak runs cannot change the jar under the running server.
jar="$folder/canopy.jar"
cp "$built" "$jar"
log="$folder/canopy.log"
work=$(mktemp -d)
(cd "$folder" && exec java -Xmx1g -jar "$jar" --server.port="$port") > "$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "Canopy (pid $app) on $base, database in $folder/data, log $log"
for _ in $(seq 1 300); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness")" == 200 ]] && break
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
started=$(date +%s)
echo "ready at $(date -u +%H:%M:%S) UTC, $(ls "$folder/data")"

sign_in() { # user -> cookie jar
  local jar="$work/$1.cookies" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | csrf)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$token" "$base/sign-in"
  echo "$jar"
}
# Each reads its whole input before picking, so that no pipe is closed on curl (fatal under pipefail).
csrf() { local body; body=$(cat); [[ "$body" =~ name=\"_csrf\"\ value=\"([^\"]*)\" ]] && echo "${BASH_REMATCH[1]}"; }
version() { local body; body=$(cat); [[ "$body" =~ name=\"version\"\ value=\"([0-9]+)\" ]] && echo "${BASH_REMATCH[1]}"; }
page() { curl -s -b "$1" "$base$2"; } # jar path
shows() { local body; body=$(cat); [[ "$body" == *"$1"* ]]; }
# A form posted as a browser posts it: the answer must be a redirect (a saved form); prints where it leads.
post() { # jar path form-page field...
  local jar=$1 path=$2 from=$3 token out
  shift 3
  token=$(page "$jar" "$from" | csrf)
  local args=(--data-urlencode "_csrf=$token")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  out=$(curl -s -o "$work/answer.html" -w '%{http_code} %{redirect_url}' -b "$jar" "${args[@]}" "$base$path")
  [[ "$out" == 302* ]] || { echo "POST $path answered ${out%% *}" >&2; return 1; }
  echo "${out#* }"
}
day_fields() { # name -> the GOV.UK date input's three fields for today
  echo "$1-day=$(date -u +%-d)" "$1-month=$(date -u +%-m)" "$1-year=$(date -u +%Y)"
}

groups=$(curl -s -u coordinator:demo "$base/api/v1/groups")
qa=$(python3 -c 'import json, sys; print(next(g["id"] for g in json.load(sys.stdin) if g["name"] == "Quality Assurance and Performance Group"))' \
  <<< "$groups")
[[ -n "$qa" ]] || { echo "no Quality Assurance and Performance Group in the demo" >&2; exit 1; }

risk_saves() { # minute
  local jar id where
  jar=$(sign_in coordinator)
  where=$(post "$jar" /risks /risks/new "title=Soak risk $1" "cause=Staff moved to other work" "controls=Monthly checks" \
    cadence=QUARTERLY status=OPEN) || return 1
  id=${where##*/risks/}
  post "$jar" "/risks/$id/scores" "/risks/$id/scores" currentLikelihood=3 currentImpact=4 "why=Scored in the soak" \
    "version=$(page "$jar" "/risks/$id/scores" | version)" >/dev/null || return 1
  # shellcheck disable=SC2046
  post "$jar" "/risks/$id/reviews" "/risks/$id/review" $(day_fields reviewedOn) "note=Reviewed in minute $1" \
    currentLikelihood=2 currentImpact=4 "version=$(page "$jar" "/risks/$id/review" | version)" >/dev/null || return 1
  page "$jar" "/risks/$id" | shows "Reviewed in minute $1" || { echo "risk $id: review not shown" >&2; return 1; }
}
attendance_saves() {
  local jar id where meeting people
  jar=$(sign_in chair)
  # shellcheck disable=SC2046
  where=$(post "$jar" "/groups/$qa/meetings" "/groups/$qa/meetings" $(day_fields date) startTime=14:00 "place=Online, minute $1") \
    || return 1
  id=${where##*/meetings/}
  meeting=$(page "$jar" "/meetings/$id")
  people=$(echo "$meeting" | grep -o 'name="attendance-[0-9]*"' | sort -u | sed 's/name="//; s/"$/=PRESENT/')
  # shellcheck disable=SC2086
  post "$jar" "/meetings/$id/attendance" "/meetings/$id" "version=$(echo "$meeting" | version)" $people >/dev/null || return 1
  curl -s -u chair:demo "$base/api/v1/meetings/$id" | shows '"PRESENT"' || { echo "meeting $id: attendance not read back" >&2; return 1; }
}
escalation_saves() {
  local jar where
  jar=$(sign_in chair)
  where=$(post "$jar" /governance/escalations "/governance/escalations/new?group=$qa" "group=$qa" "subject=Soak escalation $1" \
    "reason=Raised in minute $1 of the soak") || return 1
  page "$jar" "${where#"$base"}" | shows "Soak escalation $1" || { echo "escalation not read back" >&2; return 1; }
}
message_saves() {
  local out jar
  out=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "message=Soak message $1: the park needs more lights" \
    "$base/public/tell-us")
  [[ "$out" == "302 $base/public/tell-us/thank-you" ]] || { echo "tell us answered $out" >&2; return 1; }
  jar=$(sign_in coordinator)
  page "$jar" /voice/messages | shows "Soak message $1:" || { echo "message not read back" >&2; return 1; }
}

passed=0
failed=0
# Minute 0 to the last: saves at the start and at each minute after it, the last one the given time after the start.
for minute in $(seq 0 "$minutes"); do
  tick=$(date +%s)
  line="minute $minute ($(( tick - started ))s after start, $(date -u +%H:%M:%S)):"
  for module in risk attendance escalation message; do
    if "${module}_saves" "$minute" 2>>"$work/problems"; then
      passed=$((passed + 1)); line+=" $module ok"
    else
      failed=$((failed + 1)); line+=" $module FAILED"
    fi
  done
  echo "$line"
  (( minute < minutes )) && sleep $(( 60 - ($(date +%s) - tick) % 60 ))
done
errors=$(grep -c -E ' ERROR |Exception' "$log" || true)
echo "$(( ($(date +%s) - started) / 60 )) minutes after start; errors in the server's log: $errors"
[[ -s "$work/problems" ]] && { echo "what failed:"; sort "$work/problems" | uniq -c; }
(( errors > 0 )) && grep -m 20 -E ' ERROR |Exception' "$log"
echo "soak: $passed passed, $failed failed"
(( failed == 0 && errors == 0 ))
