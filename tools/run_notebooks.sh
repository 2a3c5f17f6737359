#!/usr/bin/env bash
# Execute notebooks headless into HTML, one at a time, each under a whole-notebook timeout.
#
#   tools/run_notebooks.sh OUT_DIR NOTEBOOK.ipynb...
#
# Environment:
#   NB_PYTHON          the Python of the notebook venv (default: python3), which runs
#                      tools/execute_notebook.py (nbconvert's HTML export and execute preprocessor)
#   KERNEL_NAME        kernelspec to run (default: java)
#   NOTEBOOK_TIMEOUT   seconds for one whole notebook (default: 1800); nbconvert has no such limit
#   CELL_TIMEOUT       seconds for one cell (default: NOTEBOOK_TIMEOUT)
#   REPORT_CODE        1: the HTML keeps the code cells (default: prose and outputs only)
# Anything else in the environment (e.g. P2PSIM_SIZE=full) reaches the kernel, where a notebook
# reads it with System.getenv.
#
# Writes OUT_DIR/NAME.html (also when a cell threw: up to that cell, with the error) and
# OUT_DIR/NAME.log (the kernel's and nbconvert's output); prints each one's wall time, the failing
# cell's exception, and a last line "notebooks: N passed, N failed". Exits 1 if any notebook
# failed or timed out.
set -uo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 OUT_DIR NOTEBOOK.ipynb..." >&2
  exit 2
fi
out_dir=$1
shift
NB_PYTHON=${NB_PYTHON:-python3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KERNEL_NAME=${KERNEL_NAME:-java}
NOTEBOOK_TIMEOUT=${NOTEBOOK_TIMEOUT:-1800}
CELL_TIMEOUT=${CELL_TIMEOUT:-$NOTEBOOK_TIMEOUT}
show_code=()
[[ ${REPORT_CODE:-0} == 1 ]] && show_code=(--show-code)

if [[ $# -eq 0 ]]; then
  echo "no notebooks to run"
  exit 0
fi
mkdir -p "$out_dir"

# Kernels are started in a session of their own, so a timeout that kills the runner leaves them
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
    "$NB_PYTHON" "$here/execute_notebook.py" --kernel "$KERNEL_NAME" --timeout "$CELL_TIMEOUT" \
      "${show_code[@]}" --out-dir "$out_dir" "$nb" >"$log" 2>&1 </dev/null
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
    # the failing cell, its exception and stack trace (printed by execute_notebook.py)
    if grep -q '^cell [0-9]* threw\|^execution failed' "$log"; then
      sed -n '/^cell [0-9]* threw\|^execution failed/,$p' "$log" | head -n 60 | sed 's/^/    | /'
    else
      tail -n 30 "$log" | sed 's/^/    | /'
    fi
    # a kernel that died at start-up (e.g. a bad JJAVA_STARTUP_SCRIPT) says why on its stderr
    grep -A3 '^Exception in thread' "$log" | head -n 8 | sed 's/^/    | /' || true
  fi
done

echo "notebooks: $passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then
  printf 'failed: %s\n' "${failures[@]}"
  exit 1
fi
exit 0
