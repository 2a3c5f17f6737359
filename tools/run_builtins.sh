#!/usr/bin/env bash
# Run every built-in scenario at its small size through the command line, as a user would:
#
#   tools/run_builtins.sh OUT_DIR
#
# For each name of `bin/p2psim run --list`: `bin/p2psim run NAME --small --json` into
# OUT_DIR/NAME, then checks that the JSON reports one result per expected outcome of the scenario.
# Prints a line per scenario (wall time, expectations met) and exits 1 if any run failed or did not
# report its expectations. An unmet expectation is a finding, not a failure: it is printed, not fatal.
set -uo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
p2psim=$root/bin/p2psim
mkdir -p "$out"
failed=0
names=$("$p2psim" run --list) || { echo "cannot list the built-in scenarios" >&2; exit 1; }
for name in $names; do
  start=$(date +%s%N)
  if ! "$p2psim" run "$name" --small --json --quiet --force --out "$out/$name" >"$out/$name.json" 2>"$out/$name.log"; then
    echo "FAILED  $name: $(tail -n 1 "$out/$name.log")"
    failed=$((failed + 1))
    continue
  fi
  wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if ! report=$(python3 - "$out/$name.json" "$out/$name/scenario.yaml" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1]))
checks = summary.get("expectations")
if checks is None:
    sys.exit("no expectations in the JSON")
written = open(sys.argv[2]).read()
# the effective scenario lists its checks under `expect:`; each must be reported
expected = len(re.findall(r"^- metric:|^  - metric:|^- \{metric:", written, re.M)) if "expect:" in written else 0
if expected and len(checks) != expected:
    sys.exit(f"{len(checks)} results for {expected} expected outcomes")
met = sum(1 for c in checks if c.get("pass"))
print(f"{met} of {len(checks)} expectations met")
PY
  ); then
    echo "FAILED  $name: $report"
    failed=$((failed + 1))
    continue
  fi
  printf '%-22s %4d.%01d s   %s\n' "$name" $((wall_ms / 1000)) $((wall_ms % 1000 / 100)) "$report"
done
echo "built-in scenarios: $(( $(echo "$names" | wc -w) - failed )) ran, $failed failed"
[[ $failed -eq 0 ]]
