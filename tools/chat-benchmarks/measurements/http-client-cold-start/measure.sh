#!/usr/bin/env bash
# Cold-start cost of the SDK HTTP client: url-connection-client vs apache-client, for a
# DynamoDbClient's construction and first call, fresh JVM per run, Lambda's JIT flag.
# Usage: tools/chat-benchmarks/measurements/http-client-cold-start/measure.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-15}
strip() { sed 's/\x1b\[[0-9;]*m//g'; }
version=$(cd ../../../.. && mvn -q -B help:evaluate -Dexpression=aws-sdk.version -DforceStdout | strip)
work=target; mkdir -p $work/url-connection $work/apache $work/classes
for client in url-connection apache; do
  rm -rf "$work/$client"
  mvn -q -B -P "$client" -Daws-sdk.version="$version" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$work/$client" >/dev/null
done
javac -d $work/classes -cp "$work/url-connection/*:$work/apache/*" HttpClientColdStart.java
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for client in url-connection apache; do
  ms=$(for i in $(seq "$runs"); do java -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$work/classes:$work/$client/*" HttpClientColdStart $client 2>/dev/null; done | median)
  size=$(du -cb $work/$client/*.jar | tail -1 | cut -f1)
  echo "$client: median build + first call $ms ms over $runs fresh JVMs; dynamodb + its runtime jars $((size / 1024)) KiB (SDK $version)"
done
