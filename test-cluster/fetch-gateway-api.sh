#!/usr/bin/env bash
# Fetches the Gateway API CRDs (standard channel) of the pinned GATEWAY_API_VERSION from the Go module
# sigs.k8s.io/gateway-api (config/crd/standard/*.yaml, as envtest setups find them) into their own cache
# folder keyed by the version. Prints the folder. Only the CustomResourceDefinitions are copied: the
# bundle's ValidatingAdmissionPolicy (safe-upgrades) guards CRD writes cluster-wide and does nothing
# for the demo.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${WHEELHOUSE_CACHE:-$HOME/.cache/wheelhouse}"
out="$cache/crds/gateway-api-$GATEWAY_API_VERSION"
if [ -f "$out/.complete" ]; then echo "$out"; exit 0; fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS="-mod=mod"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '[test-cluster fetch-gateway-api] fetching sigs.k8s.io/gateway-api %s\n' "$GATEWAY_API_VERSION" >&2
(cd "$tmp" && go mod init wheelhouse.test/gateway-api-crds >/dev/null 2>&1 && go mod download "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION")
dir="$(cd "$tmp" && go mod download -json "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$dir/config/crd/standard" ] || { echo "no config/crd/standard in $dir" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
for f in "$dir"/config/crd/standard/*.yaml; do
  if grep -q '^kind: CustomResourceDefinition' "$f"; then cp "$f" "$out/"; fi
done
chmod -R u+w "$out"
touch "$out/.complete"
echo "$out"
