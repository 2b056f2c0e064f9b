#!/usr/bin/env bash
# The print tests read the PDFs Chromium prints with poppler's pdftotext and
# pdfinfo (Debian's poppler-utils). Installs them when they are missing and we
# may; otherwise says exactly what to do.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "pdftotext is missing; installing Debian's poppler-utils package for the print tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
The print tests need pdftotext and pdfinfo from poppler-utils.
Install them with:   sudo apt-get update && sudo apt-get install -y poppler-utils
(macOS: brew install poppler)
MSG
exit 1
