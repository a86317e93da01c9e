#!/usr/bin/env bash
# Cold-start cost of reading a sendmessage body: jackson-jr vs Jackson databind, fresh JVM per run,
# with Lambda's JVM flag (tiered compilation stopped at level 1). Usage: tools/chat-benchmarks/measurements/json-cold-start/measure.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-15}
version=$(cd ../../../.. && mvn -q -B -Dstyle.color=never help:evaluate -Dexpression=jackson-jr.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')
annotations=${version%.*}  # jackson-annotations 2.20+ is versioned major.minor
work=target; mkdir -p $work/jr $work/databind $work/classes
for a in jr:com.fasterxml.jackson.jr:jackson-jr-objects jr:com.fasterxml.jackson.core:jackson-core \
         databind:com.fasterxml.jackson.core:jackson-databind databind:com.fasterxml.jackson.core:jackson-core \
         databind:com.fasterxml.jackson.core:jackson-annotations; do
  dir=${a%%:*}; ga=${a#*:}; v=$version
  [[ $ga == *annotations ]] && v=$annotations
  mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$ga:$v" -DoutputDirectory="$work/$dir" -Dmdep.overWriteIfNewer=true >/dev/null
done
javac -d $work/classes -cp "$work/jr/*:$work/databind/*" JsonColdStart.java
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for lib in jr databind; do
  for i in $(seq "$runs"); do
    java -XX:TieredStopAtLevel=1 -cp "$work/classes:$work/$lib/*" JsonColdStart $lib
  done | median > $work/$lib.median
  size=$(du -cb $work/$lib/*.jar | tail -1 | cut -f1)
  echo "$lib: median first parse $(cat $work/$lib.median) µs over $runs fresh JVMs; jars $((size / 1024)) KiB ($version)"
done
