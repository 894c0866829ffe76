#!/usr/bin/env bash
# Regenerate the Qt translation sources (.ts) from the code and compile them (.qm).
#
# Source strings are Chinese (self.tr("预警")); console_en.ts carries the English, console_zh_CN.ts
# is the identity file that keeps the pipeline real. Run this after adding or changing any
# self.tr()/QCoreApplication.translate() string in console/widgets/ or console/app.py: new strings
# from every engineer are picked up, existing translations are kept, obsolete ones are dropped.
# Then translate the new entries of console_en.ts (Qt Linguist: `pyside6-linguist`, or by hand:
# fill <translation> and remove type="unfinished"), run this script again, commit .ts and .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=resources/translations
mapfile -t sources < <(ls console/app.py console/widgets/*.py console/widgets/*/*.py 2>/dev/null)
for lang in zh_CN en; do
  pyside6-lupdate -no-obsolete -source-language zh_CN -target-language "$lang" \
    "${sources[@]}" -ts "$dir/console_$lang.ts"
  pyside6-lrelease "$dir/console_$lang.ts" -qm "$dir/console_$lang.qm"
done
