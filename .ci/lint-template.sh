#!/usr/bin/env bash
# Lints one CloudFormation template (default chat-lambda-example/template.yaml; .ci/run passes each) with two
# linters, and fails on any finding but the known-wrong ones listed here:
#
# 1. cfn-lint from npm (martysweet/cfn-lint, installed by .ci/run from .ci/tools/package.json). It checks
#    resource types, property names and types, required properties and references, but against the
#    CloudFormation resource specification of 2019 (2.29.0) and lags SAM; these findings are set aside as
#    wrong (each is right in the template):
#    - both templates: "Expecting an ARN, got 'arn:${aws}:…'": the linter substitutes Fn::Sub variables but
#      keeps the ${} around them, so every Fn::Sub ARN looks malformed to its own ARN check;
#    - chat-lambda-example: "Invalid or unsupported SAM Globals property name: Architectures|SnapStart": both
#      are valid SAM Globals since 2021/2022; the linter's list of Globals predates them;
#    - chat-server: exactly the 12 findings of SERVER_KNOWN_WRONG below, each a resource type or property
#      that AWS added after that specification: HTTP APIs (ProtocolType HTTP without the WebSocket-only
#      RouteSelectionExpression, JWT authorizers without AuthorizerUri, auto-deployed stages without a
#      DeploymentId, PayloadFormatVersion, ApiEndpoint), VPC links for HTTP APIs and ConnectionId
#      (AWS::ApiGatewayV2::VpcLink), ECS's StopTimeout, RuntimePlatform and deployment circuit breaker.
#      They are matched whole, path and message, so the same property elsewhere or misspelt still fails.
# 2. cfn-lint of aws-cloudformation (the Python package: `cfn-lint` on the PATH, else python3's cfnlint; the java-maven image
#    ships it, PyPI is not reachable to install it), whose schemas are current, so it checks what the npm
#    linter cannot (the HTTP API, the VPC link, the task definition) and the SAM template through SAM's own
#    translator. No finding of it is set aside. A machine without it fails here, saying so.
#
# Any other finding fails, and so does a run that did not get to the npm linter's verdict ("Template valid!"
# or "Template invalid!", its last line after a complete check): a missing file, a template it cannot parse
# ("No such file.", "Unable to parse template!") or a crash of the linter itself.
set -euo pipefail
cd "$(dirname "$0")/.."
template=${1:-chat-lambda-example/template.yaml}

SERVER_KNOWN_WRONG='Resources > VpcLink :: Resource VpcLink has an invalid Type of AWS::ApiGatewayV2::VpcLink.
Outputs > HttpApiUrl > Value :: No such attribute ApiEndpoint on AWS::ApiGatewayV2::Api
Resources > TaskDefinition > Properties > RuntimePlatform :: RuntimePlatform is not a valid property of AWS::ECS::TaskDefinition
Resources > TaskDefinition > Properties > ContainerDefinitions > 0 > StopTimeout :: StopTimeout is not a valid property of AWS::ECS::TaskDefinition.ContainerDefinition
Resources > Service > Properties > DeploymentConfiguration > DeploymentCircuitBreaker :: DeploymentCircuitBreaker is not a valid property of AWS::ECS::Service.DeploymentConfiguration
Resources > HttpApi > Properties :: Required property RouteSelectionExpression missing for type AWS::ApiGatewayV2::Api
Resources > Integration > Properties > ConnectionId :: ConnectionId is not a valid property of AWS::ApiGatewayV2::Integration
Resources > Integration > Properties > PayloadFormatVersion :: PayloadFormatVersion is not a valid property of AWS::ApiGatewayV2::Integration
Resources > Authorizer > Properties :: Required property AuthorizerUri missing for type AWS::ApiGatewayV2::Authorizer
Resources > Authorizer > Properties > JwtConfiguration :: JwtConfiguration is not a valid property of AWS::ApiGatewayV2::Authorizer
Resources > Stage > Properties :: Required property DeploymentId missing for type AWS::ApiGatewayV2::Stage
Resources > Stage > Properties > AutoDeploy :: AutoDeploy is not a valid property of AWS::ApiGatewayV2::Stage'

status=0
raw=$(.ci/tools/node_modules/.bin/cfn-lint validate "$template" 2>&1) || status=$?
output=$(printf '%s\n' "$raw" | sed 's/\x1b\[[0-9;]*m//g')
fail() {
  printf '%s\n' "$output"
  echo "cfn-lint: $*" >&2
  exit 1
}

verdict=$(printf '%s\n' "$output" | grep -v '^[[:space:]]*$' | tail -n 1 || true)
case "$verdict/$status" in
  "Template valid!/0" | "Template invalid!/1") ;;
  *) fail "no verdict on $template (exit status $status): the linter stopped before checking it, or answered in a form this script does not know" ;;
esac

# the linter reports each finding as Resource:/Message:/Documentation: lines, after a count per level;
# a finding is read here as "<resource path> :: <message>"
findings=$(printf '%s\n' "$output" | awk '/^Resource: /{ r = substr($0, 11) } /^Message: /{ print r " :: " substr($0, 10) }')
total=$(printf '%s\n' "$output" | grep -c '^Message: ' || true)
counted=$(printf '%s\n' "$output" | sed -nE 's/^([0-9]+) (infos|warn|crit)$/\1/p' | awk '{ sum += $1 } END { print sum + 0 }')
if [ "$total" -ne "$counted" ]; then
  fail "$counted finding(s) counted in $template but $total Message: line(s) read: the output is not the expected format"
fi
if [ "$verdict" = "Template invalid!" ] && [ "$total" -eq 0 ]; then
  fail "$template invalid without a finding"
fi

case "$template" in
  chat-lambda-example/*) ignored=' :: (Invalid or unsupported SAM Globals property name: (Architectures|SnapStart)|Expecting an ARN, got .arn:\$\{aws\}:)' ;;
  *) ignored=' :: Expecting an ARN, got .arn:\$\{aws\}:' ;;
esac
kept=$(printf '%s\n' "$findings" | grep -vE "$ignored" | grep -v '^$' || true)
if [ "$template" = chat-server/template.yaml ]; then
  kept=$(printf '%s\n' "$kept" | grep -vxF "$SERVER_KNOWN_WRONG" | grep -v '^$' || true)
fi
if [ -n "$kept" ]; then
  count=$(printf '%s\n' "$kept" | wc -l)
  printf '%s\n' "$kept" >&2
  fail "$count finding(s) in $template besides the $((total - count)) known-wrong ones"
fi
echo "cfn-lint (npm): $template valid ($total known-wrong findings of the npm linter set aside, see .ci/lint-template.sh)"

# its console script where it is on the PATH, else the same entry point through python3
python_cfn_lint() {
  if command -v cfn-lint >/dev/null 2>&1; then
    cfn-lint "$@"
  else
    python3 -c 'import sys; from cfnlint.runner import main; sys.argv[0] = "cfn-lint"; sys.exit(main())' "$@"
  fi
}
if ! version=$(python_cfn_lint --version 2>/dev/null) || ! printf '%s\n' "$version" | grep -q '^cfn-lint [0-9]'; then
  echo "cfn-lint: the Python cfn-lint is neither on the PATH nor importable by python3 (the java-maven machine image ships it); $template not checked against current schemas" >&2
  exit 1
fi
if ! current=$(python_cfn_lint --format parseable -- "$template" 2>&1); then
  printf '%s\n' "$current" >&2
  echo "cfn-lint ($version): findings in $template" >&2
  exit 1
fi
echo "cfn-lint ($version): $template valid, no finding"
