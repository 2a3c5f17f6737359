#!/usr/bin/env bash
# Crash safety of run directories (issue 12): KILLS runs of `p2psim run two-peers --small`, each
# killed with SIGKILL at a random moment, then every *.sqlite left behind must open and pass
# PRAGMA integrity_check, and `p2psim inspect` must call an unfinished run incomplete.
#
#   tools/crash_test.sh [KILLS [DIR [SEED]]]     (default 20 kills, a new temporary DIR)
#
# Needs the test classes: `mvn -B -o -q -DskipTests package` builds them. Exit 1 if any file is corrupt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP="$ROOT/sim-lib/target/classes:$ROOT/sim-lib/target/test-classes:$ROOT/sim-lib/target/lib/*"
for jar in "$HOME"/.m2/repository/org/junit/jupiter/junit-jupiter-api/*/junit-jupiter-api-*.jar \
           "$HOME"/.m2/repository/org/opentest4j/opentest4j/*/opentest4j-*.jar; do
  [ -f "$jar" ] && CP="$CP:$jar"
done
exec java -cp "$CP" org.p2psim.cli.RunCrashTest "$@"
