#!/usr/bin/env bash
# deps.sh installs what gokernel needs to build and to be tested against the
# real Jupyter stack, on Debian 12, and only what is missing: running it
# twice changes nothing the second time. It prints every action it takes.
#
#   install/deps.sh            # as root, or as a user with sudo
#
# Go itself is not installed here: it must be on PATH or in /usr/local/go.
set -euo pipefail

cd "$(dirname "$0")/.."

# Debian packages: the Jupyter stack the tests drive (through /usr/bin/python3,
# never a pyenv or virtualenv python), ipykernel for the benchmark's baseline,
# and a C toolchain because `go test -race` needs cgo.
packages=(
	python3-jupyter-client
	jupyter-client
	python3-jupyter-kernel-test
	python3-nbclient
	python3-zmq
	python3-ipykernel
	jupyter-nbconvert
	jupyter-notebook
	gcc
	libc6-dev
)

source "$(dirname "$0")/apt.sh"
apt_install_missing deps "${packages[@]}"

go=go
if ! command -v go >/dev/null; then
	if [[ -x /usr/local/go/bin/go ]]; then
		go=/usr/local/go/bin/go
	else
		echo "deps: Go is not installed (need the version in go.mod, in PATH or /usr/local/go)" >&2
		exit 1
	fi
fi
echo "deps: $("$go" version); go mod download"
"$go" mod download
