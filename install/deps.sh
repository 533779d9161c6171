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

missing=()
for p in "${packages[@]}"; do
	if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) != "install ok installed" ]]; then
		missing+=("$p")
	fi
done

if ((${#missing[@]} == 0)); then
	echo "deps: all ${#packages[@]} Debian packages already installed"
else
	sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if ! command -v sudo >/dev/null; then
			echo "deps: missing packages ${missing[*]}; run this script as root" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	echo "deps: installing ${missing[*]}"
	"${sudo[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

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
