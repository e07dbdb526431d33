#!/usr/bin/env bash
# The './quest up' check that './quest test' runs: the whole distributed system as processes, one run
# submitted through the gateway with curl using artifacts/up/env, then './quest down' — and afterwards
# no process that 'up' started may still run. Prints what it checks; exit 0 when everything held.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
UP_DIR=$ROOT/artifacts/up
failed=0
check() { if [ "$1" = 0 ]; then echo "  ok: $2"; else echo "  FAILED: $2"; failed=1; fi; }

./quest up || { echo "  FAILED: ./quest up"; ./quest down; exit 1; }
cp "$UP_DIR/pids" "$ROOT/artifacts/up-check.pids"
# shellcheck disable=SC1091
. "$UP_DIR/env"

body=$(/usr/bin/python3 - <<'PYEOF'
import json
pricing = open("samples/shop/shop/pricing.py", encoding="utf-8").read()
print(json.dumps({"source": {"kind": "inline", "files": [
    {"path": "shop/pricing.py", "content": pricing}, {"path": "shop/__init__.py", "content": ""}]},
    "targetFile": "shop/pricing.py", "settings": {"maxAttempts": 1, "searchBudgetSeconds": 10, "maxMutants": 20}}))
PYEOF
)
answer=$(curl -s -w '\n%{http_code}' -H "X-Api-Key: $QUESTMESH_KEY" -H 'Content-Type: application/json' -d "$body" "$QUESTMESH_URL/api/runs")
status=${answer##*$'\n'}; answer=${answer%$'\n'*}
[ "$status" = 202 ]; check $? "POST /api/runs through the gateway answers 202 (got $status)"
run_id=$(echo "$answer" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin).get("runId", ""))' 2>/dev/null)

code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Api-Key: not-the-key-at-all-0000' "$QUESTMESH_URL/api/runs")
[ "$code" = 401 ]; check $? "a wrong key answers 401 (got $code)"

final="no run id"
[ -n "$run_id" ] && for _ in $(seq 1 600); do
  final=$(curl -s -H "X-Api-Key: $QUESTMESH_KEY" "$QUESTMESH_URL/api/runs/$run_id" \
    | /usr/bin/python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["status"], r.get("coverage"), r.get("terminationReason"))' 2>/dev/null)
  case "$final" in completed*|failed*|cancelled*) break ;; esac
  sleep 0.5
done
case "$final" in completed*) true ;; *) false ;; esac; check $? "run $run_id completed (status, coverage, reason: $final)"

names=$(curl -s -H "X-Api-Key: $QUESTMESH_KEY" "$QUESTMESH_URL/api/runs/$run_id/artifacts")
echo "$names" | grep -q 'run_summary.json' && echo "$names" | grep -q 'attempt_0.test_src.py'
check $? "its artifacts are served (run_summary.json, attempt_0.test_src.py)"

./quest down; check $? "./quest down"
left=0
while read -r name pid; do
  if kill -0 "$pid" 2>/dev/null; then echo "  still running: $name ($pid)"; left=1; fi
done < "$ROOT/artifacts/up-check.pids"
rm -f "$ROOT/artifacts/up-check.pids"
[ "$left" = 0 ] && [ ! -e "$UP_DIR" ]; check $? "nothing that up started still runs, artifacts/up is gone"
exit $failed
