# Installs the Debian packages Trust Center needs to build, when they are missing.
# Sourced by scripts/serve and scripts/test; takes the package names as arguments.
ensure_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# What every build needs: the SQLite and libcurl headers, found through pkg-config.
BUILD_PACKAGES=(pkg-config libsqlite3-dev libcurl4-openssl-dev)
