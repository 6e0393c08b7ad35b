#!/usr/bin/env bash
# Builds kustomize (for Applications with a kustomize source) from its Go module into its own cache
# folder, keyed by its version, beside the control plane's. Prints the folder. v5.8.2 is the release
# whose sigs.k8s.io/kustomize/api is v0.21.2, the newest that builds with Go 1.26.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${WHEELHOUSE_CACHE:-$HOME/.cache/wheelhouse}"
bin="$cache/bin/kustomize-$KUSTOMIZE_VERSION"
if [ -x "$bin/kustomize" ]; then echo "$bin"; exit 0; fi
mkdir -p "$bin"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS="-buildvcs=false" CGO_ENABLED=0
gobin="$cache/work/kustomize-$KUSTOMIZE_VERSION"
mkdir -p "$gobin"
printf '[test-cluster build] building kustomize %s into %s\n' "$KUSTOMIZE_VERSION" "$bin" >&2
GOBIN="$gobin" go install -trimpath -ldflags "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=kustomize/$KUSTOMIZE_VERSION" "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
mv "$gobin/kustomize" "$bin/kustomize"
echo "$bin"
