#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 in a browser), Debian's Chromium and CJK fonts for the
# real-editor tests. Follows ../shared/docs/testing.md; idempotent; safe as root in CI with no stdin.
#   QPLAN_CODE_SERVER_DIR  where code-server goes (default ~/.cache/qplan-code-server), reused when complete.
set -euo pipefail

VERSION=4.100.3
DIR=${QPLAN_CODE_SERVER_DIR:-$HOME/.cache/qplan-code-server}
BIN="$DIR/node_modules/.bin/code-server"
STAMP="$DIR/.installed-$VERSION"
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_audit=false npm_config_fund=false
exec < /dev/null

SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

# 1. Debian packages: Kerberos headers (for the kerberos native module), ripgrep (its npm package
#    downloads from GitHub), Chromium, CJK fonts so the Chinese in screenshots is legible.
PKGS=(libkrb5-dev ripgrep chromium fonts-noto-cjk)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-code-server: apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2. code-server itself, in steps (its install script would download ripgrep and prebuilt binaries).
if [ -f "$STAMP" ] && [ -x "$BIN" ]; then
  echo "install-code-server: reusing $DIR"
else
  echo "install-code-server: installing code-server@$VERSION into $DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  cd "$DIR"
  npm install --ignore-scripts --no-audit --no-fund --no-save code-server@$VERSION
  cd node_modules/code-server/lib/vscode
  npm install --unsafe-perm --omit=dev --ignore-scripts --no-audit --no-fund
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild node-pty @vscode/spdlog @parcel/watcher native-watchdog kerberos --unsafe-perm
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --unsafe-perm --omit=dev --no-audit --no-fund)
  cd "$DIR"
  npm rebuild argon2 --unsafe-perm
  touch "$STAMP"
fi

"$BIN" --version
/usr/bin/chromium --version 2>/dev/null || true
