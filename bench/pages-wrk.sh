#!/usr/bin/env bash
# Canopy's pages beside nginx serving the same bytes: the signed-in HTML of /dashboard, /plans/{id} and
# /public/indicators is saved with the stylesheets, scripts and images it references, nginx (Debian package)
# serves that copy on loopback, and wrk runs at 8 and 64 connections against Canopy and nginx alternately.
# Prints req/s, p50 and p99 for each and the ratio. Issue 10's targets are measured with this.
# Usage: bench/pages-wrk.sh [observations=0] [duration=20s] [port=8089] [nginx-port=8099]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-0}"
duration="${2:-20s}"
port="${3:-8089}"
nginx_port="${4:-8099}"
base="http://127.0.0.1:$port"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx: apt-get install wrk nginx" >&2; exit 1; }
mkdir -p target/bench
if [[ ! -f target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
mvn -B -ntp -q test-compile
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
log="target/bench/pages-app-$port.log"
java ${JAVA_OPTS:-} -cp "$cp" org.canopy.bench.ImportBenchmark serve "$port" "$rows" > "$log" 2>&1 &
app=$!
site=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; [[ -f "$site/nginx.pid" ]] && kill "$(cat "$site/nginx.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q READY "$log" && break
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done

jar=$(mktemp)
token=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=coordinator" --data-urlencode "password=demo" \
  --data-urlencode "_csrf=$token" "$base/sign-in"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar")
rm -f "$jar"
plan=$(curl -s -u coordinator:demo "$base/api/v1/plans" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
pages=("/dashboard" "/plans/$plan" "/public/indicators")

# The copy nginx serves: each page's HTML, and every asset the pages and their stylesheets reference.
for page in "${pages[@]}"; do
  mkdir -p "$site$(dirname "$page")"
  curl -sf -H "Cookie: JSESSIONID=$session" "$base$page" -o "$site$page.html"
done
# Only static files: the trend charts behind the signed-in dashboard are left out of both sides alike.
assets=$(cat "$site"/*.html "$site"/*/*.html 2>/dev/null | grep -o '\(href\|src\)="/[^"]*"' | sed 's/^[a-z]*="//; s/"$//' \
  | grep '^/\(assets\|webjars\|css\|images\|js\)/\|^/favicon' | sort -u)
for asset in $assets; do
  mkdir -p "$site$(dirname "${asset%%\?*}")"
  curl -sf -H "Cookie: JSESSIONID=$session" "$base$asset" -o "$site${asset%%\?*}" || true
done
# What the stylesheets reference in turn (absolute paths only; the built GOV.UK stylesheet uses those).
for css in $(find "$site" -name '*.css'); do
  for asset in $(grep -o 'url([^)]*)' "$css" | sed "s/^url(//; s/)$//; s/[\"']//g" | grep '^/' | sort -u); do
    mkdir -p "$site$(dirname "${asset%%\?*}")"
    curl -sf "$base$asset" -o "$site${asset%%\?*}" || true
  done
done
cat > "$site/nginx.conf" <<CONF
worker_processes 2;
pid $site/nginx.pid;
error_log $site/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  server {
    listen 127.0.0.1:$nginx_port;
    root $site;
    location / { try_files \$uri \$uri.html =404; }
  }
}
CONF
nginx -c "$site/nginx.conf"

measure() { # url connections -> "req/s p50 p99"
  local out
  out=$(wrk -t2 -c"$2" -d"$duration" --latency -H "Cookie: JSESSIONID=$session" "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); observations added: $rows"
printf '%-22s %5s %12s %10s %10s %12s %10s %10s %8s\n' page conns "canopy req/s" p50 p99 "nginx req/s" p50 p99 ratio
for page in "${pages[@]}"; do
  wrk -t2 -c8 -d10s -H "Cookie: JSESSIONID=$session" "$base$page" > /dev/null   # warm-up
  for c in 8 64; do
    read -r cr cp50 cp99 <<< "$(measure "$base$page" "$c")"
    read -r nr np50 np99 <<< "$(measure "http://127.0.0.1:$nginx_port$page" "$c")"
    printf '%-22s %5s %12s %10s %10s %12s %10s %10s %8s\n' "$page" "$c" "$cr" "$cp50" "$cp99" "$nr" "$np50" "$np99" \
      "1/$(awk -v a="$nr" -v b="$cr" 'BEGIN { printf "%.0f", a / b }')"
  done
done | tee "target/bench/pages-wrk-$rows.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# What a kept page costs to render afresh (the first request after a change): five requests at new addresses (a
# query the page ignores makes a new key), then the dashboard again after one new figure is stored (which also
# makes the rate checks read every rate, count and population again). Medians of time_total, in seconds.
fresh() { # url (without a query) -> median seconds of 5 fresh renderings
  for i in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: JSESSIONID=$session" "$1?fresh=$RANDOM$i"
  done | sort -n | sed -n 3p
}
{
  for page in "${pages[@]}"; do
    echo "rendered afresh (median of 5): $page $(fresh "$base$page") s"
  done
  curl -s -o /dev/null -u coordinator:demo -H 'Content-Type: text/csv' --data-binary $'indicator,period,area,value,narrative\nCP_COUNT,2020-21,,236,\n' \
    "$base/api/v1/observations"
  echo "dashboard after one new figure: $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: JSESSIONID=$session" "$base/dashboard") s"
  echo "dashboard kept: $(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: JSESSIONID=$session" "$base/dashboard") s"
} | tee -a "target/bench/pages-wrk-$rows.txt"
