#!/usr/bin/env bash
# Runs every wschat benchmark in one go and writes tools/chat-benchmarks/results/RESULTS.md, broadcast-time.png
# and ROOMS.md: fan-out against the tutorial's sendmessage and against the local gateway's own limit, broadcast and
# connect/disconnect scaling, cold starts in fresh JVMs, artifact sizes, JMH micro-benchmarks, and rooms (a room's
# publish against a Scan-and-filter baseline as the table grows, publish-to-last-receipt, resume cost).
# About 13 minutes on 2 cores (the rooms stage about 4 of them). Needs Java 17+ and Maven 3.8+; uses loopback only.
#
#   ./run-benchmarks.sh                      the full run (N up to 10,000)
#   ./run-benchmarks.sh --quick              a shorter run to try it out (N up to 1,000); its RESULTS.md says so
#   ./run-benchmarks.sh --only rooms         the rooms benchmark alone (a room of 1,000, up to 50,000 other
#                                            connections), writes ROOMS.md only; about 4 minutes
#   ./run-benchmarks.sh --only rooms --quick the same, smaller (a room of 200, up to 10,000 others)
set -euo pipefail
cd "$(dirname "$0")"
# RESULTS.md reports the whole command's time, the build included
export BENCH_COMMAND_STARTED="$(date +%s)"

# 10,000 clients are 10,000 sockets in the driver JVM and 10,000 more in the server JVM: raise the soft
# open-files limit to the hard one where the shell allows it (RESULTS.md reports the limit in effect)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "building the modules the benchmarks run (the Lambda artifact included)..."
mvn -B -q -pl :chat-benchmarks -am install -DskipTests

# the example's handlers read TABLE_NAME from the environment; every JVM the run starts gets its own
export TABLE_NAME=wschat-bench
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "tools/chat-benchmarks/target/classes:$(cat tools/chat-benchmarks/target/benchmark.classpath)" \
  io.github.wschat.benchmarks.RunBenchmarks "$PWD" "$@"
