#!/usr/bin/env bash
# Rebuilds the committed release twice, the way two different rebuilders would, and compares every
# release file byte for byte.
#
# Usage: scripts/check-reproducible.sh [--faketime] [--keep] [javafx|swing ...]   (default: both shells)
#        ≈ 2 × 5 min per shell on 2 cores
#
# Build A: a clone in one folder, umask 022, TZ=UTC, LANG=C.UTF-8.
# Build B: a clone in another folder, umask 077, TZ=Asia/Tokyo, Turkish locale (the JVM's default locale
#          through JAVA_TOOL_OPTIONS, so it holds even where tr_TR is not generated) and a wall clock at
#          least 4 minutes later; with --faketime (libfaketime) three days later. --faketime is off by
#          default: dpkg-deb's multithreaded xz crawls under a faked clock (15+ min for one deb).
# Both build HEAD (commit what you want checked). The build user is not varied (a second user would need
# its own Maven repository); the tar.gz does not carry the build user's name (-Duser.name=root).
# On a mismatch it says which files differ and where inside them (diffoscope when installed, else the
# differing entries of the archives), and exits 1. The release is checked as shipped: it carries no AOT
# cache (the launcher records one on the user's machine, D-055). --keep leaves both
# trees in /tmp/reproducible.* for a closer look (e.g. `jimage extract` of two lib/modules).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
fake_clock=false
keep=false
shells=()
for arg in "$@"; do
  case "$arg" in
    --faketime) fake_clock=true ;;
    --keep) keep=true ;;
    javafx|swing) shells+=("$arg") ;;
    *) echo "usage: $0 [--faketime] [--keep] [javafx|swing ...]" >&2; exit 2 ;;
  esac
done
[ ${#shells[@]} -gt 0 ] || shells=(javafx swing)
work="$(mktemp -d /tmp/reproducible.XXXXXX)"
if $keep; then trap 'echo "trees kept in $work"' EXIT; else trap 'rm -rf "$work"' EXIT; fi
commit="$(git -C "$repo" rev-parse HEAD)"
echo "== checking $commit (${shells[*]}) in $work"

clone() {
  git clone -q --no-hardlinks "$repo" "$1"
  git -C "$1" checkout -q "$commit"
}

build() { # folder shell log [command the build runs under, e.g. faketime -f +3d]
  (cd "$1" && "${@:4}" ./mvnw -q --batch-mode clean package -pl distribution -am -DskipTests -Dshell="$2") \
    >"$3" 2>&1 || { tail -40 "$3"; echo "build failed: $3" >&2; exit 1; }
}

faked=()
if $fake_clock; then
  command -v faketime >/dev/null || { echo "--faketime needs faketime (Debian package faketime)" >&2; exit 2; }
  # The JVM spins or hangs when its monotonic clock is faked too: only the wall clock moves.
  faked=(faketime -f +3d)
  export FAKETIME_DONT_FAKE_MONOTONIC=1
fi

where_they_differ() { # a b
  if command -v diffoscope >/dev/null; then
    diffoscope --text - --max-report-size 200000 "$1" "$2" | head -200 || true
    return
  fi
  case "$1" in
    *.tar.gz) diff <(tar -tvzf "$1" --full-time | sort -k6) <(tar -tvzf "$2" --full-time | sort -k6) | head -40 ;;
    *.deb) diff <(dpkg-deb -c "$1") <(dpkg-deb -c "$2") | head -40 ;;
    *.rpm) diff <(rpm -qplv --dump "$1" 2>/dev/null) <(rpm -qplv --dump "$2" 2>/dev/null) | head -40 ;;
    *) diff "$1" "$2" | head -40 ;;
  esac || true
  echo "   (install diffoscope to see the bytes that differ inside packages and jars)"
}

status=0
for shell in "${shells[@]}"; do
  a="$work/$shell-A/desktop-java-starter"
  b="$work/$shell-B/a-longer-folder/with-another-name"
  mkdir -p "$(dirname "$a")" "$(dirname "$b")"
  echo "== $shell: build A (umask 022, UTC, C.UTF-8) in $a"
  clone "$a"
  ( umask 022; export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8; build "$a" "$shell" "$work/$shell-A.log" )
  echo "== $shell: build B (umask 077, Asia/Tokyo, tr_TR) in $b"
  ( umask 077; clone "$b" )
  ( umask 077; export TZ=Asia/Tokyo LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8
    export JAVA_TOOL_OPTIONS="-Duser.language=tr -Duser.country=TR -Duser.timezone=Asia/Tokyo"
    build "$b" "$shell" "$work/$shell-B.log" ${faked[@]+"${faked[@]}"} )
  for file in "$a"/distribution/target/release/*; do
    name="$(basename "$file")"
    other="$b/distribution/target/release/$name"
    if [ ! -e "$other" ]; then
      echo "MISSING    $name (only build A made it)"; status=1
    elif cmp -s "$file" "$other"; then
      echo "identical  $name  $(sha256sum "$file" | cut -c1-16)…"
    else
      echo "DIFFERENT  $name"; status=1
      where_they_differ "$file" "$other"
    fi
  done
done
exit $status
