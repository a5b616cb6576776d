#!/usr/bin/env bash
# The demo's PDFs (wimn_site/demo_documents.py) embed DejaVu Sans, so accents, curly quotes and dashes of
# every language come out as written. Install Debian's fonts-dejavu-core when we can; without it the demo
# still loads, its PDFs set in the PDF's built-in Helvetica with plain quotes and dashes.
set -euo pipefail
DIR=/usr/share/fonts/truetype/dejavu
if [ -f "$DIR/DejaVuSans.ttf" ] && [ -f "$DIR/DejaVuSans-Bold.ttf" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's fonts-dejavu-core for the demo's PDF files..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null
  [ -f "$DIR/DejaVuSans.ttf" ] && exit 0
fi
cat >&2 <<MSG
DejaVu Sans ($DIR) is missing and could not be installed automatically. The demo's PDF files fall back
to Helvetica (plain quotes and dashes), and the PDF tests that check curly quotes fail. Install it:
  Debian/Ubuntu:  sudo apt-get install fonts-dejavu-core
MSG
exit 1
