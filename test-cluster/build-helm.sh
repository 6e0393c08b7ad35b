#!/usr/bin/env bash
# Builds the pinned `helm` (v4) from Go modules into its own cache folder, keyed by its version, so the
# control plane's cache key (build.sh) is untouched by a Helm bump. helm.sh/helm/v4 carries no replace
# directives, so `go install pkg@version` works without a wrapper module. Prints the binary's folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${WHEELHOUSE_CACHE:-$HOME/.cache/wheelhouse}"
bin="$cache/bin/helm-$HELM_VERSION"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS="-buildvcs=false" CGO_ENABLED=0

phase() { printf '[test-cluster build-helm] %s\n' "$*" >&2; }
timed() { local name="$1"; shift; local t0=$SECONDS; "$@"; phase "$name took $((SECONDS - t0))s"; }

if [ -x "$bin/helm" ]; then echo "$bin"; exit 0; fi
mkdir -p "$bin"
phase "building helm $HELM_VERSION into $bin (a few minutes on 2 cores; cached afterwards)"
gobin="$cache/work/helm-$HELM_VERSION"
mkdir -p "$gobin"
# helm's version package defaults to "v4.3"; stamp the exact pinned version so `helm version` tells the truth.
timed "go install helm" env GOBIN="$gobin" go install -trimpath \
  -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$HELM_VERSION -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
  "helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
mv "$gobin/helm" "$bin/helm"
phase "helm ready"
echo "$bin"
