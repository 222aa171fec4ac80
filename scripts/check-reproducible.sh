#!/usr/bin/env bash
# Builds the release twice from scratch and compares every file byte for byte.
# Usage: scripts/check-reproducible.sh [javafx|swing]     (≈ 2 × 5 min on 2 cores)
# Exit 0 when both builds are identical; otherwise lists the files that differ and exits 1.
# The backend's AOT cache is left out (-Dstage.noAot=true): HotSpot writes a different app.aot from
# each training run of the same jars, and the staged manifest lists its digest. Everything else in
# the release is expected to be byte-identical; with the AOT cache, app.aot and that digest differ.
set -euo pipefail
cd "$(dirname "$0")/.."
shell="${1:-javafx}"
keep="$(mktemp -d)"
trap 'rm -rf "$keep"' EXIT

for run in 1 2; do
  echo "== build $run of 2 (shell=$shell)"
  # A clean tree each time: nothing of the first build may leak into the second.
  ./mvnw -q clean package -pl distribution -am -DskipTests -Dstage.noAot=true -Dshell="$shell" >"$keep/build-$run.log" 2>&1 \
    || { tail -40 "$keep/build-$run.log"; exit 1; }
  mkdir -p "$keep/$run"
  cp -a distribution/target/release/. "$keep/$run/"
  if [ "$run" = 1 ]; then sleep 2; fi   # a later wall clock for the second build
done

status=0
for file in "$keep"/1/*; do
  name="$(basename "$file")"
  if cmp -s "$file" "$keep/2/$name"; then
    echo "identical  $name  $(sha256sum "$file" | cut -c1-16)…"
  else
    echo "DIFFERENT  $name"
    status=1
  fi
done
exit $status
