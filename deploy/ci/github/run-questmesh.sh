#!/usr/bin/env bash
# The QuestMesh step of deploy/ci/github/questmesh.yml: one whole-repository run, its exit code kept for the gate
# step (so the reports are uploaded and the summary posted first), summary.md appended to the job summary.
# The tests of QuestMesh run this same script against samples/storefront.
#
# Needs QUESTMESH_DLL (the built questmesh.dll), REPOSITORY (the checkout) and OUT (the reports' folder, outside it).
# Optional: MIN_COVERAGE, DELTA_THRESHOLD (the gate), PUSH_TESTS=true with BRANCH_NAME, MAX_MODULES, MODULE_BUDGET,
# TOTAL_BUDGET, SEARCH_BUDGET, MAX_ATTEMPTS, STRATEGY. Writes exit_code=<n> to $GITHUB_OUTPUT when set.
set -uo pipefail

: "${QUESTMESH_DLL:?QUESTMESH_DLL must name questmesh.dll}"
: "${REPOSITORY:?REPOSITORY must name the repository to test}"
: "${OUT:?OUT must name the folder for the reports}"

args=(run "$REPOSITORY" --out "$OUT")
[[ -n "${MIN_COVERAGE:-}" ]] && args+=(--min-coverage "$MIN_COVERAGE")
[[ -n "${DELTA_THRESHOLD:-}" ]] && args+=(--min-delta "$DELTA_THRESHOLD")
[[ -n "${MAX_MODULES:-}" ]] && args+=(--max-modules "$MAX_MODULES")
[[ -n "${MODULE_BUDGET:-}" ]] && args+=(--module-budget "$MODULE_BUDGET")
[[ -n "${TOTAL_BUDGET:-}" ]] && args+=(--total-budget "$TOTAL_BUDGET")
[[ -n "${SEARCH_BUDGET:-}" ]] && args+=(--budget "$SEARCH_BUDGET")
[[ -n "${MAX_ATTEMPTS:-}" ]] && args+=(--max-attempts "$MAX_ATTEMPTS")
[[ -n "${STRATEGY:-}" ]] && args+=(--strategy "$STRATEGY")
if [[ "${PUSH_TESTS:-false}" == "true" ]]; then
  args+=(--push-branch "${BRANCH_NAME:?BRANCH_NAME must name the branch for the generated tests}")
fi

dotnet "$QUESTMESH_DLL" "${args[@]}"
code=$?

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  echo "exit_code=$code" >>"$GITHUB_OUTPUT"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" && -f "$OUT/summary.md" ]]; then
  cat "$OUT/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
echo "questmesh exited with $code (0: gate passed or none set; 5: a threshold failed; 2: bad input; 1: error)"
exit 0
