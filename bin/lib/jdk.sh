# shellcheck shell=sh
# Finds a JDK 21 or newer: JAVA_HOME first, then the java on PATH, then the JVMs installed under /usr/lib/jvm
# (and /Library/Java/JavaVirtualMachines on macOS). Sets JAVA_HOME and puts its java first on PATH.
# POSIX sh, so that ./mvnw can use it too. Source it, then call orderflow_find_jdk; it says why and returns 1 when
# there is none.

orderflow_java_major() {
  # The major version of the java binary $1, e.g. 21; empty when it does not run.
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

orderflow_home_major() {
  # The major version of the JDK at $1: from its release file (no JVM start-up), else from running its java.
  _orderflow_release=""
  if [ -f "$1/release" ]; then
    _orderflow_release=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n1)
  fi
  if [ -n "$_orderflow_release" ] && [ "$_orderflow_release" != 1 ]; then
    echo "$_orderflow_release"
  else
    orderflow_java_major "$1/bin/java"
  fi
}

orderflow_is_jdk21() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _orderflow_major=$(orderflow_home_major "$1")
  [ -n "$_orderflow_major" ] && [ "$_orderflow_major" -ge 21 ]
}

orderflow_find_jdk() {
  _orderflow_path_java=""
  if command -v java >/dev/null 2>&1; then
    _orderflow_path_java=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for _orderflow_home in "${JAVA_HOME:-}" "$_orderflow_path_java" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$_orderflow_home" ] || continue
    if orderflow_is_jdk21 "$_orderflow_home"; then
      JAVA_HOME="$_orderflow_home"
      PATH="$_orderflow_home/bin:$PATH"
      export JAVA_HOME PATH
      return 0
    fi
  done
  echo "orderflow needs a JDK 21 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1
}
