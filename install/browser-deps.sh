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

source "$(dirname "$0")/apt.sh"
apt_install_missing browser-deps "${packages[@]}"
