# apt.sh: sourced by deps.sh and browser-deps.sh.
#
# apt_install_missing WHO PACKAGE... installs, with Debian's apt-get, the
# packages that are not installed yet, and only those; it prints what it
# does, prefixed with WHO. It needs root, or sudo when there is something
# to install.
apt_install_missing() {
	local who=$1
	shift
	local missing=() p
	for p in "$@"; do
		if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) != "install ok installed" ]]; then
			missing+=("$p")
		fi
	done
	if ((${#missing[@]} == 0)); then
		echo "$who: all $# Debian packages already installed"
		return 0
	fi
	local sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		if ! command -v sudo >/dev/null; then
			echo "$who: missing packages ${missing[*]}; run this script as root" >&2
			return 1
		fi
		sudo=(sudo)
	fi
	echo "$who: installing ${missing[*]}"
	"${sudo[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}
