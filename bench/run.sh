#!/usr/bin/env bash
# specforge benchmark suite: builds once, runs every scenario, writes bench/results.md.
#   bench/run.sh            the whole suite (under 15 minutes on 2 cores)
#   bench/run.sh --quick    fewer and shorter runs (under 3 minutes), for a quick look
#   bench/run.sh --only 1,4 some scenarios only (numbers as in bench/README.md)
# Needs what the tests need (Java 17, Maven) plus python3, npm (fetches GitHub's spec once), GNU time and wrk;
# the last two are installed from Debian's packages when missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || [ ! -x /usr/bin/time ]; then
  if need apt-get && [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends wrk time >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends wrk time >/dev/null; }
  else
    echo "bench: install wrk and GNU time (/usr/bin/time) first" >&2; exit 2
  fi
fi
for tool in java mvn python3 npm; do need "$tool" || { echo "bench: $tool is not on the PATH" >&2; exit 2; }; done
echo "[bench] building specforge once (mvn install -DskipTests) and the JMH benchmarks"
mvn -B -q install -DskipTests
mvn -B -q -f bench/jmh/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
exec python3 bench/bench.py "$@"
