#!/usr/bin/env bash
# Lints chat-lambda-example/template.yaml with cfn-lint from npm (martysweet/cfn-lint, installed by
# .ci/run from .ci/tools/package.json). That linter checks CloudFormation resource types, property
# names and types, required properties and references well, but lags SAM and has one known bug, so
# exactly these findings are set aside as wrong (each is right in the template):
#   - "Invalid or unsupported SAM Globals property name: Architectures|SnapStart": both are valid SAM
#     Globals since 2021/2022; the linter's list of Globals predates them;
#   - "Expecting an ARN, got 'arn:${aws}:…'": the linter substitutes Fn::Sub variables but keeps the
#     ${} around them, so every Fn::Sub ARN looks malformed to its own ARN check.
# Any other finding fails, and so does a run that did not get to the linter's verdict ("Template
# valid!" or "Template invalid!", its last line after a complete check): a missing file, a template
# it cannot parse ("No such file.", "Unable to parse template!") or a crash of the linter itself.
set -euo pipefail
cd "$(dirname "$0")/.."
template=${1:-chat-lambda-example/template.yaml}

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

# the linter reports each finding as Resource:/Message:/Documentation: lines, after a count per level
findings=$(printf '%s\n' "$output" | grep '^Message: ' || true)
total=$(printf '%s\n' "$findings" | grep -c '^Message: ' || true)
counted=$(printf '%s\n' "$output" | sed -nE 's/^([0-9]+) (infos|warn|crit)$/\1/p' | awk '{ sum += $1 } END { print sum + 0 }')
if [ "$total" -ne "$counted" ]; then
  fail "$counted finding(s) counted in $template but $total Message: line(s) read: the output is not the expected format"
fi
if [ "$verdict" = "Template invalid!" ] && [ "$total" -eq 0 ]; then
  fail "$template invalid without a finding"
fi

ignored='^Message: (Invalid or unsupported SAM Globals property name: (Architectures|SnapStart)|Expecting an ARN, got .arn:\$\{aws\}:)'
kept=$(printf '%s\n' "$findings" | grep -vE "$ignored" | grep -v '^$' || true)
if [ -n "$kept" ]; then
  count=$(printf '%s\n' "$kept" | wc -l)
  fail "$count finding(s) in $template besides the $((total - count)) known-wrong ones"
fi
echo "cfn-lint: $template valid ($total known-wrong findings of the npm linter set aside, see .ci/lint-template.sh)"
