#!/usr/bin/env bash
# browser-deps.sh installs what the browser test (kernel/integration/browser)
# needs on Debian 12, and only what is missing: running it twice changes
# nothing the second time. It prints every action it takes.
#
#   install/browser-deps.sh    # as root, or as a user with sudo
#
# The browser test drives headless Chromium through Selenium and
# chromedriver, all from Debian (no PyPI, no downloaded browser), against
# Debian's classic Jupyter Notebook server (installed by install/deps.sh).
set -euo pipefail

packages=(
	chromium
	chromium-driver
	python3-selenium
	fonts-liberation
)

missing=()
for p in "${packages[@]}"; do
	if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) != "install ok installed" ]]; then
		missing+=("$p")
	fi
done

if ((${#missing[@]} == 0)); then
	echo "browser-deps: all ${#packages[@]} Debian packages already installed"
	exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
	if ! command -v sudo >/dev/null; then
		echo "browser-deps: missing packages ${missing[*]}; run this script as root" >&2
		exit 1
	fi
	sudo=(sudo)
fi
echo "browser-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
