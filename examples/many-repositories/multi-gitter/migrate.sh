#!/usr/bin/env sh
# The script multi-gitter (https://github.com/lindell/multi-gitter) runs in each repository it clones. It
# migrates the repository with oidc-codemod; multi-gitter commits what changed and opens the pull request.
#
#   multi-gitter run ./migrate.sh --org acme \
#     --branch oidc-codemod/token-validation --conflict-strategy replace \
#     --pr-title "Verify OAuth 2.0 / OIDC tokens through discovery" \
#     --pr-body "Migrated by oidc-codemod 0.2.0: see docs/guides/many-repositories.md. Check the points it left for review, listed in the run output."
#
# turbolift (https://github.com/Skyscanner/turbolift) runs the same script: turbolift foreach -- sh "$PWD/migrate.sh"
#
# Exit status: 0 when the repository was migrated or had nothing to migrate (multi-gitter then finds no
# change and opens nothing); anything else makes multi-gitter skip the repository and report it.
set -u

# The CLI, pinned: every repository gets the same version. Override to use another installation.
codemod=${OIDC_CODEMOD:-npx --yes --package oidc-codemod@0.2.0 oidc-codemod}

if [ "${DRY_RUN:-}" = "true" ]; then
  # multi-gitter --dry-run: show what would change, write nothing.
  $codemod --dry-run .
  exit $?
fi

# multi-gitter clones into a fresh folder: the tree is clean, and the CLI's dirty-tree check passes.
$codemod .
status=$?
case $status in
  0) exit 0 ;;
  # Some files could not be read or parsed: they are listed above and left as they were; the others
  # are migrated, and the pull request says so in its checks.
  3) echo "oidc-codemod: some files were skipped in ${REPOSITORY:-this repository}" >&2; exit 0 ;;
  *) echo "oidc-codemod exited with $status in ${REPOSITORY:-this repository}: skipped" >&2; exit "$status" ;;
esac
