#!/usr/bin/env bash
# Execute notebooks headless into HTML, one at a time, each under a whole-notebook timeout.
#
#   tools/run_notebooks.sh OUT_DIR NOTEBOOK.ipynb...
#
# Environment:
#   JUPYTER            the jupyter command (default: jupyter on PATH)
#   KERNEL_NAME        kernelspec to run (default: java)
#   NOTEBOOK_TIMEOUT   seconds for one whole notebook (default: 1800); nbconvert has no such limit
#   CELL_TIMEOUT       seconds for one cell (default: NOTEBOOK_TIMEOUT)
# Anything else in the environment (e.g. P2PSIM_SIZE=full) reaches the kernel, where a notebook
# reads it with System.getenv.
#
# Writes OUT_DIR/NAME.html for each notebook that ran through and OUT_DIR/NAME.log (nbconvert's
# output, with the failing cell's error) for every one; prints each one's wall time and a last line
# "notebooks: N passed, N failed". Exits 1 if any notebook failed or timed out.
set -uo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 OUT_DIR NOTEBOOK.ipynb..." >&2
  exit 2
fi
out_dir=$1
shift
JUPYTER=${JUPYTER:-jupyter}
KERNEL_NAME=${KERNEL_NAME:-java}
NOTEBOOK_TIMEOUT=${NOTEBOOK_TIMEOUT:-1800}
CELL_TIMEOUT=${CELL_TIMEOUT:-$NOTEBOOK_TIMEOUT}

if [[ $# -eq 0 ]]; then
  echo "no notebooks to run"
  exit 0
fi
mkdir -p "$out_dir"

# Kernels are started in a session of their own, so a timeout that kills nbconvert leaves them
# running. Each run carries a unique environment variable, which the kernel launcher and the
# kernel inherit; every process still carrying it afterwards is ended by pid.
end_leftovers() {
  local marker=$1 pid
  for pid in $(ls /proc 2>/dev/null | grep -E '^[0-9]+$'); do
    [[ $pid == "$$" ]] && continue
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "$marker"; then
      kill "$pid" 2>/dev/null && echo "  ended leftover kernel process $pid"
    fi
  done
  return 0
}

passed=0
failed=0
failures=()
for nb in "$@"; do
  name=$(basename "$nb" .ipynb)
  log="$out_dir/$name.log"
  marker="P2PSIM_NOTEBOOK_RUN=$$-$RANDOM-$(date +%s%N)"
  rm -f "$out_dir/$name.html"
  start=$(date +%s.%N)
  env "$marker" timeout --kill-after=30 "$NOTEBOOK_TIMEOUT" \
    "$JUPYTER" nbconvert --to html --execute \
      --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
      --ExecutePreprocessor.timeout="$CELL_TIMEOUT" \
      --ExecutePreprocessor.startup_timeout=180 \
      --output-dir "$out_dir" "$nb" >"$log" 2>&1 </dev/null
  rc=$?
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  end_leftovers "$marker"
  if [[ $rc -eq 0 && -s "$out_dir/$name.html" ]]; then
    passed=$((passed + 1))
    printf '%-40s ok      %8s s  -> %s\n' "$(basename "$nb")" "$secs" "$out_dir/$name.html"
  else
    failed=$((failed + 1))
    failures+=("$nb")
    if [[ $rc -eq 124 || $rc -eq 137 ]]; then
      why="TIMEOUT (over ${NOTEBOOK_TIMEOUT} s)"
    else
      why="FAILED (exit $rc)"
    fi
    printf '%-40s %s %8s s  log: %s\n' "$(basename "$nb")" "$why" "$secs" "$log"
    # the cell that threw and its stack trace are at the end of nbconvert's output
    tail -n 60 "$log" | sed 's/^/    | /'
  fi
done

echo "notebooks: $passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then
  printf 'failed: %s\n' "${failures[@]}"
  exit 1
fi
exit 0
