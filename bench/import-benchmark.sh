#!/usr/bin/env bash
# Times the observation import of a generated CSV (1,000,000 rows by default) into PostgreSQL and H2,
# beside PostgreSQL's COPY of the same rows, and prints rows per second (median of the runs).
# Usage: bench/import-benchmark.sh [rows] [runs] [postgres|h2|both]
# PostgreSQL: jdbc:postgresql://127.0.0.1:5432/test as user postgres (override with -Dbench.postgres.url
# in JAVA_OPTS); each run makes its own schema and drops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
runs="${2:-3}"
which="${3:-both}"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for db in postgres h2; do
  if [[ "$which" == both || "$which" == "$db" ]]; then
    java ${JAVA_OPTS:-} -cp "$cp" org.canopy.bench.ImportBenchmark "$db" "$rows" "$runs" 2>&1 | tee "target/bench/import-$db.log"
  fi
done
