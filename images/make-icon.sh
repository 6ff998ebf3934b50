#!/usr/bin/env bash
# Regenerates icon.png (128×128) with ImageMagick: the character 决 on a dark red tile with a small
# check mark. Needs the WenQuanYi Zen Hei font (apt-get install fonts-wqy-zenhei imagemagick).
set -euo pipefail
cd "$(dirname "$0")"
font=$(fc-list :lang=zh file | grep -m1 -i 'wqy-zenhei' | cut -d: -f1)
convert -size 128x128 xc:none \
  -fill '#7A1F1F' -draw 'roundrectangle 4,4 123,123 22,22' \
  -font "$font" -fill white -pointsize 80 -gravity center -annotate -8-8 '决' \
  -stroke '#F2C14E' -strokewidth 9 -fill none -draw 'polyline 78,100 92,113 116,86' \
  -strip -define png:compression-level=9 icon.png
