#!/usr/bin/env bash
# Runs the chat on this machine: the example's Lambda handlers, unchanged, behind the local
# WebSocket API, with an in-process DynamoDB Local (in memory). Builds what it needs first.
#   CHAT_PORT                  port of ws:// and @connections (default 8080; 0 picks a free one)
#   TABLE_NAME                 the connections table (default wschat-connections)
#   MEMBERSHIPS_TABLE_NAME, MESSAGES_TABLE_NAME  the room tables (default wschat-memberships and
#                              wschat-messages; set both empty for the tutorial's chat without rooms)
#   MESSAGE_RETENTION_DAYS     how long room messages are kept (default 7)
#   AWS_ENDPOINT_URL_DYNAMODB  use that DynamoDB instead (the tables are created when missing)
#   CHAT_AUTH=dev              require tokens, minted by a development issuer on loopback (URL printed)
#   AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL  require tokens of that issuer instead
#   CHAT_WEB_PORT              the chat page's port (default CHAT_PORT + 2)
#   CHAT_SERVER_PORT           the server API's port, with rooms (default CHAT_PORT + 3)
# Then, in two terminals: npx wscat -c ws://127.0.0.1:8080/production   — Ctrl-C here stops it.
set -euo pipefail
cd "$(dirname "$0")"
export TABLE_NAME="${TABLE_NAME:-wschat-connections}"
export MEMBERSHIPS_TABLE_NAME="${MEMBERSHIPS_TABLE_NAME-wschat-memberships}"
export MESSAGES_TABLE_NAME="${MESSAGES_TABLE_NAME-wschat-messages}"

echo "Building (first run: a minute or two)..."
mvn -B -q install -DskipTests -pl :chat-local-runner -am
mvn -B -q dependency:build-classpath -pl :chat-local-runner -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/local-chat.classpath
exec java -cp "tools/chat-local-runner/target/classes:$(cat tools/chat-local-runner/target/local-chat.classpath)" \
    io.github.wschat.local.runner.LocalChat chat-lambda-example/template.yaml
