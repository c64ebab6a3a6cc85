# shellcheck shell=bash
# Finds a JDK 21 or newer: JAVA_HOME first, then the java on PATH, then the JVMs installed under /usr/lib/jvm
# (and /Library/Java/JavaVirtualMachines on macOS). Sets JAVA_HOME and puts its java first on PATH.
# Source it, then call orderflow_find_jdk; it prints why and returns 1 when there is none.

orderflow_java_major() {
  # The major version of the java binary $1, e.g. 21; empty when it does not run.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

orderflow_find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(orderflow_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$home"
      export PATH="$home/bin:$PATH"
      return 0
    fi
  done
  echo "orderflow needs a JDK 21 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1
}
