#!/usr/bin/env bash
# Times the worst cases of docs/robustness.md at full size with the release
# CLI: wall time and peak memory of `variorum compare` on two copies.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p variorum-cli
dir=target/worst-cases
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import os, random, sys
d = sys.argv[1]
random.seed(1)
w = lambda name, text: open(os.path.join(d, name), "w", encoding="utf-8").write(text)
w("one-1MB-sentence.txt", " ".join("word%d" % (i % 5000) for i in range(150000)))
# The same sentence with a tenth of its words gone: no word occurs once, so
# the diff has no unique anchors and must not fall back to a quadratic search.
cut = random.Random(2)  # its own stream: the other inputs stay as they were
w("one-1MB-sentence-cut.txt", " ".join("word%d" % (i % 5000) for i in range(150000) if cut.random() > 0.1))
w("100k-identical-sentences.txt", "Same sentence here. " * 100000)
w("shares-nothing-a.txt", "Alpha bravo charlie delta. " * 20000)
w("shares-nothing-b.txt", "Echo foxtrot golf hotel. " * 20000)
w("300k-quote-marks.txt", "'a \" " * 150000)
w("mixed-scripts-crlf.txt", "שלום עולם. مرحبا بالعالم. Hello 🎉👩‍👩‍👧 e\u0301 world. 你好世界。\r\n" * 20000)
# A pasted data line: 100,000 figures, and 30,000 ranges with money, in one sentence.
w("100k-figures-one-line.txt", " ".join(str(1000 + i * 7) for i in range(100000)))
w("30k-ranges-one-line.txt", " ".join("%d%% to %d%%, £%d.4bn" % (i % 90, (i + 7) % 90, i % 50) for i in range(30000)))
w("garbage.txt", bytes(random.getrandbits(8) for _ in range(1000000)).decode("utf-8", "replace"))
os.makedirs(os.path.join(d, "100-versions"), exist_ok=True)
for k in range(100):
    words = ("".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(10000))
    w(os.path.join("100-versions", "v%03d.txt" % k), " ".join(words) + ".")
PY
printf '%-34s %8s %10s\n' input seconds "peak MiB"
for f in one-1MB-sentence 100k-identical-sentences 300k-quote-marks 100k-figures-one-line 30k-ranges-one-line mixed-scripts-crlf garbage; do
  /usr/bin/time -f "%e %M" -o "$dir/time" ./target/release/variorum compare --format json "$dir/$f.txt" "$dir/$f.txt" > /dev/null
  read -r secs kb < "$dir/time"
  printf '%-34s %8s %10d\n' "$f" "$secs" $((kb / 1024))
done
/usr/bin/time -f "%e %M" -o "$dir/time" ./target/release/variorum compare --format json "$dir/one-1MB-sentence.txt" "$dir/one-1MB-sentence-cut.txt" > /dev/null
read -r secs kb < "$dir/time"
printf '%-34s %8s %10d\n' "1 MB sentence vs a tenth cut" "$secs" $((kb / 1024))
/usr/bin/time -f "%e %M" -o "$dir/time" ./target/release/variorum compare --format json "$dir/shares-nothing-a.txt" "$dir/shares-nothing-b.txt" > /dev/null
read -r secs kb < "$dir/time"
printf '%-34s %8s %10d\n' "shares-nothing (a vs b)" "$secs" $((kb / 1024))
/usr/bin/time -f "%e %M" -o "$dir/time" ./target/release/variorum compare --format json "$dir"/100-versions/*.txt > /dev/null
read -r secs kb < "$dir/time"
printf '%-34s %8s %10d\n' "100 versions x 80 KB, no shared word" "$secs" $((kb / 1024))
