#!/usr/bin/env bash
# Builds the test cluster's binaries from Go modules into a cache outside the repo.
# kube-apiserver, kube-controller-manager, kube-scheduler and kubectl come from k8s.io/kubernetes, whose
# go.mod replaces its staging modules with ./staging paths; `go install pkg@version` refuses that, so we
# generate a small wrapper module that requires k8s.io/kubernetes and points each staging module at its
# published v0.Y.Z twin. etcd and kwok build from their own modules (replace directives of a dependency
# are ignored, so a wrapper module works for etcd too).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${WHEELHOUSE_CACHE:-$HOME/.cache/wheelhouse}"
bin="$cache/bin/k8s-$K8S_VERSION-etcd-$ETCD_VERSION-kwok-$KWOK_VERSION"
mkdir -p "$bin"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS="-buildvcs=false" CGO_ENABLED=0

phase() { printf '[test-cluster build] %s\n' "$*" >&2; }
timed() { local name="$1"; shift; local t0=$SECONDS; "$@"; phase "$name took $((SECONDS - t0))s"; }

need=()
for b in kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok; do
  [ -x "$bin/$b" ] || need+=("$b")
done
if [ ${#need[@]} -eq 0 ]; then echo "$bin"; exit 0; fi
phase "building ${need[*]} into $bin (first build takes many minutes on 2 cores; cached afterwards)"

minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
staging_version="v0.${K8S_VERSION#v1.}"

build_kubernetes() {
  local work="$cache/work/k8s-$K8S_VERSION"
  mkdir -p "$work"
  local upstream_mod
  upstream_mod="$(cd "$work" && go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  {
    echo "module wheelhouse.local/test-cluster/k8s"
    echo
    sed -n 's/^go \(.*\)/go \1/p' "$upstream_mod"
    echo
    echo "require k8s.io/kubernetes $K8S_VERSION"
    echo
    echo "replace ("
    # Every staging module of this release, read from its own go.mod, pinned to the published twin.
    sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\t\1 => \1 '"$staging_version"'#p' "$upstream_mod"
    echo ")"
  } > "$work/go.mod"
  : > "$work/go.sum"
  local pkgs=()
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$bin/$b" ] || pkgs+=("k8s.io/kubernetes/cmd/$b")
  done
  [ ${#pkgs[@]} -gt 0 ] || return 0
  (cd "$work" && timed "resolve kubernetes modules" go get "${pkgs[@]/%/@$K8S_VERSION}")
  local ld="-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$minor"
  for p in "${pkgs[@]}"; do
    (cd "$work" && timed "go build ${p##*/}" go build -trimpath -ldflags "$ld" -o "$bin/${p##*/}.tmp" "$p")
    mv "$bin/${p##*/}.tmp" "$bin/${p##*/}"
  done
}

build_etcd() {
  [ -x "$bin/etcd" ] && return 0
  local work="$cache/work/etcd-$ETCD_VERSION"
  mkdir -p "$work"
  printf 'module wheelhouse.local/test-cluster/etcd\n\ngo 1.24\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$ETCD_VERSION" > "$work/go.mod"
  : > "$work/go.sum"
  (cd "$work" && timed "resolve etcd modules" go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" \
     && timed "go build etcd" go build -trimpath -ldflags "-s -w" -o "$bin/etcd.tmp" go.etcd.io/etcd/server/v3)
  mv "$bin/etcd.tmp" "$bin/etcd"
}

build_kwok() {
  [ -x "$bin/kwok" ] && return 0
  local gobin="$cache/work/kwok-$KWOK_VERSION"
  mkdir -p "$gobin"
  timed "go install kwok" env GOBIN="$gobin" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  mv "$gobin/kwok" "$bin/kwok"
}

t0=$SECONDS
build_etcd
build_kwok
build_kubernetes
phase "all binaries ready in $((SECONDS - t0))s"
echo "$bin"
