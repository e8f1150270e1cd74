#!/usr/bin/env bash
# Findings-only audit of many repositories: clone each one (shallow), run `oidc-codemod --check --json`
# (which writes nothing), keep one JSON report per repository, and aggregate them.
#
#   ./audit.sh repositories.txt [output-folder]
#
# repositories.txt: one git URL per line (https://github.com/acme/orders-api.git, git@..., a local path);
# blank lines and lines starting with # are ignored. Output: <output-folder>/reports/<owner>__<name>.json,
# summary.md and summary.json. Exit status as aggregate-reports.mjs: 0 clean, 1 something to migrate,
# 2 some repository could not be audited.
set -uo pipefail

list=${1:?usage: audit.sh repositories.txt [output-folder]}
out=${2:-oidc-audit}
# The CLI, pinned: the same version for every repository. Override to use another installation.
codemod=${OIDC_CODEMOD:-npx --yes --package oidc-codemod@0.2.0 oidc-codemod}
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$out/reports"
workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT

while IFS= read -r url || [[ -n "$url" ]]; do
  [[ -z "${url// }" || "$url" == \#* ]] && continue
  # owner__name from the last two parts of the URL: unique across organisations.
  path=${url%.git}
  name=$(basename "$(dirname "$path")")__$(basename "$path")
  name=${name//[^A-Za-z0-9._-]/_}
  report="$out/reports/$name.json"
  echo "== $url" >&2
  if ! git clone --quiet --depth 1 "$url" "$workspace/$name"; then
    printf '{"error":"git clone %s failed","files":[],"errors":[]}\n' "$url" > "$report"
    continue
  fi
  # 0: nothing to migrate; 1: something would change. Any other status leaves a report whose `error`
  # or `errors` say why, and the aggregate lists the repository as not audited.
  (cd "$workspace/$name" && $codemod --check --json .) > "$report"
  echo "   oidc-codemod exited with $?" >&2
  rm -rf "${workspace:?}/$name"
done < "$list"

node "$here/aggregate-reports.mjs" --markdown "$out/summary.md" --json "$out/summary.json" "$out"/reports/*.json
status=$?
cat "$out/summary.md"
exit $status
