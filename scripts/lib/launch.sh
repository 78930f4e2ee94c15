# SPDX-License-Identifier: Apache-2.0
# shellcheck shell=sh
# Sourced by scripts/stagingcopy, stagingprop and stagingcheck: runs a utility from the build tree.
# Arguments pass through unchanged; prefer STAGING_PASSWORD/PRODUCTION_PASSWORD or the bare
# --staging-password prompt to --staging-password=PW, which any user can read in `ps` output.

# staging_launch SCRIPT MODULE ARGS...: runs MODULE's jar, built by ./mvnw -DskipTests package.
# SCRIPT is the launcher's own path with symlinks resolved: the repository is its parent's parent.
staging_launch() {
  root=$(cd -P -- "$(dirname -- "$1")/.." && pwd)
  module=$2
  shift 2
  jar=
  for candidate in "$root/$module/target/$module"-*.jar; do
    case $candidate in
      *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
      *) [ -f "$candidate" ] && jar=$candidate ;;
    esac
  done
  if [ -z "$jar" ]; then
    echo "$module: not built yet: run ./mvnw -DskipTests package first (in $root)" >&2
    exit 2
  fi
  # A single-threaded batch tool: the serial collector and a heap that starts small commit far
  # less memory than G1 (which the JVM picks on two or more cores) with a heap that starts at its
  # cap. A collector named in JAVA_OPTS replaces it: the JVM refuses two. The runs are short and
  # wait mostly on the databases: the client compiler alone (TieredStopAtLevel=1) runs them as
  # fast and spares the optimizing compiler's memory (docs/benchmarks.md, "Memory").
  case $JAVA_OPTS in
    *-XX:+Use*GC*) gc= ;;
    *) gc=-XX:+UseSerialGC ;;
  esac
  # JAVA_OPTS is split into words on purpose, but never globbed; it comes after the launcher's
  # own options so that it can override them (see docs/operations.md).
  set -f
  # shellcheck disable=SC2086
  exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" $gc -XX:InitialRAMPercentage=0.2 -XX:TieredStopAtLevel=1 \
    $JAVA_OPTS -jar "$jar" "$@"
}
