#!/usr/bin/env bash
# Builds metrics-server from its Go module into its own cache folder, keyed by its version, so the
# control plane's cache key (k8s-…-etcd-…-kwok-…) does not change when metrics-server is bumped.
# `go install pkg@version` works here because metrics-server's go.mod has no replace directives.
# Prints the binary's path on success.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${WHEELHOUSE_CACHE:-$HOME/.cache/wheelhouse}"
bin="$cache/bin/metrics-server-$METRICS_SERVER_VERSION"
mkdir -p "$bin"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS="-buildvcs=false" CGO_ENABLED=0
if [ -x "$bin/metrics-server" ]; then echo "$bin/metrics-server"; exit 0; fi
printf '[test-cluster build] building metrics-server %s into %s (a few minutes on 2 cores; cached afterwards)\n' "$METRICS_SERVER_VERSION" "$bin" >&2
t0=$SECONDS
gobin="$cache/work/metrics-server-$METRICS_SERVER_VERSION"
mkdir -p "$gobin"
GOBIN="$gobin" go install -trimpath \
  -ldflags "-s -w -X sigs.k8s.io/metrics-server/pkg/version.gitVersion=$METRICS_SERVER_VERSION" \
  "sigs.k8s.io/metrics-server/cmd/metrics-server@$METRICS_SERVER_VERSION"
mv "$gobin/metrics-server" "$bin/metrics-server"
printf '[test-cluster build] go install metrics-server took %ss\n' "$((SECONDS - t0))" >&2
echo "$bin/metrics-server"
