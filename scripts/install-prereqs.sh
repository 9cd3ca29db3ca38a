#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine that has the .NET 10 SDK:
# Debian's chromium (Playwright drives it; it cannot download its own browser here), CJK fonts so Chinese
# pages render in screenshots, the poster font, poppler-utils and zbar-tools (poster and QR tests). Nothing for the
# build itself: it needs only the SDK. Idempotent; needs root (or sudo).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# Posters: a TrueType CJK font PDFsharp can subset and embed and SkiaSharp draws PNGs with (docs/adr/010, 022);
# pdftotext/pdftoppm to check the PDFs.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# zbarimg reads the rendered QR codes back in the rendering tests.
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
echo "prerequisites ready: $(chromium --version 2>/dev/null | head -1), dotnet $(dotnet --version)"
