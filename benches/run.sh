#!/usr/bin/env bash
# Whole-process and pseudo-terminal figures for BENCHMARKS.md, measured in one run beside the
# reference tools (fzf, and a hello-world Rust binary built with the same release profile).
# Needs hyperfine, fzf and moreutils (errno): apt-get install -y hyperfine fzf moreutils; and heman
# from crates.io for the start-up comparison: cargo install heman (or HEMAN=/path/to/heman).
# Takes about fifteen minutes.
#   bash benches/run.sh            # prints the tables; paste them into BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null && command -v fzf >/dev/null || { echo "needs hyperfine and fzf" >&2; exit 2; }
cargo build -q --release --bin whatcode --example gen_codes --example gen_log --example pty_bench
B=$PWD/target/release/whatcode
GEN=$PWD/target/release/examples/gen_codes
GENLOG=$PWD/target/release/examples/gen_log
PTY=$PWD/target/release/examples/pty_bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WHATCODE_CACHE_DIR=$work/cache WHATCODE_CONFIG=$work/none.toml WHATCODE_DATA_DIR=$work/nodata

# A hello world built with the same release profile as whatcode.
mkdir -p "$work/hello/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n[workspace]\n[profile.release]\ncodegen-units = 4\n' \
  > "$work/hello/Cargo.toml"
echo 'fn main() { println!("hello world"); }' > "$work/hello/src/main.rs"
(cd "$work/hello" && cargo build -q --release)
H=$work/hello/target/release/hello

median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.2f' % (x['median']*1000) for x in r))" "$1"; }

echo "## Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(rustc --version), $(fzf --version | cut -d' ' -f1) fzf"
echo
echo "## whatcode show http/404 vs hello world (whole process)"
hyperfine -N --warmup 20 --runs 300 --export-json "$work/show.json" "$H" "$B show http/404" >/dev/null
read -r hello show < <(median "$work/show.json")
echo "hello: $hello ms, whatcode show: $show ms, ratio $(python3 -c "print('%.2f' % ($show/$hello))")"
rss=$(/usr/bin/time -f %M "$B" show http/404 2>&1 >/dev/null | tail -1)
echo "peak resident memory of whatcode show http/404: $((rss / 1024)) MiB ($rss KiB)"
echo
echo "## Start-up against the tools people use instead (whole process)"
HEMAN=${HEMAN:-$(command -v heman || true)}
if [ -n "$HEMAN" ]; then
  hyperfine -N --warmup 20 --runs 300 --export-json "$work/heman.json" "$HEMAN code 404" "$B show http/404" >/dev/null
  read -r h w < <(median "$work/heman.json")
  echo "heman code 404: $h ms, whatcode show http/404: $w ms, ratio $(python3 -c "print('%.2f' % ($w/$h))")"
  echo "sizes: heman $(stat -c %s "$HEMAN") bytes, whatcode $(stat -c %s "$B") bytes"
else
  echo "heman not installed (cargo install heman): skipped"
fi
if command -v errno >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 --export-json "$work/errno.json" "errno ECONNRESET" "$B show errno/ECONNRESET" >/dev/null
  read -r e w < <(median "$work/errno.json")
  echo "moreutils errno ECONNRESET: $e ms, whatcode show errno/ECONNRESET: $w ms, ratio $(python3 -c "print('%.2f' % ($w/$e))")"
  echo "sizes: errno $(stat -c %s "$(command -v errno)") bytes"
else
  echo "moreutils errno not installed: skipped"
fi
echo
echo "## scan: a 200 MB mixed log (examples/gen_log.rs) against grep and awk"
"$GENLOG" 200 "$work/mixed.log"
echo "log: $(stat -c %s "$work/mixed.log") bytes, $(wc -l < "$work/mixed.log") lines"
# --output=pipe: GNU grep stops at the first match when its output is /dev/null.
hyperfine --warmup 1 --runs 5 --output=pipe --export-json "$work/scan.json" \
  "grep -cE '\" [1-5][0-9]{2} ' $work/mixed.log" \
  "$B scan --summary $work/mixed.log > /dev/null" \
  "$B scan --summary < $work/mixed.log > /dev/null" \
  "awk '{print \$9}' $work/mixed.log | sort | uniq -c > /dev/null" >/dev/null
read -r g f s a < <(median "$work/scan.json")
echo "grep -cE: $g ms; whatcode scan --summary FILE: $f ms ($(python3 -c "print('%.2f' % ($f/$g))")× grep); on standard input: $s ms ($(python3 -c "print('%.2f' % ($s/$g))")× grep); awk | sort | uniq -c: $a ms ($(python3 -c "print('%.2f' % ($f/$a))")× awk for whatcode on the file)"
rss_file=$(/usr/bin/time -f %M "$B" scan --summary "$work/mixed.log" 2>&1 >/dev/null | tail -1)
rss_stdin=$(/usr/bin/time -f %M "$B" scan --summary < "$work/mixed.log" 2>&1 >/dev/null | tail -1)
rss_json=$( { /usr/bin/time -f %M "$B" scan --json < "$work/mixed.log" > /dev/null; } 2>&1 | tail -1)
echo "peak resident memory: scan --summary FILE $((rss_file / 1024)) MiB, on standard input $((rss_stdin / 1024)) MiB, --json on standard input $((rss_json / 1024)) MiB"
cpu=$( { /usr/bin/time -f "%e s elapsed, %U s user, %S s system" "$B" scan --summary "$work/mixed.log" > /dev/null; } 2>&1 | tail -1)
echo "both cores on a file: $cpu"
rm -f "$work/mixed.log"
echo
for n in 1000 10000 100000; do
  "$GEN" "$n" "$work/codes-$n.toml" "$work/codes-$n.txt"
done
# The stricter comparison: fzf over 'family code name' lines (no summary text to match in).
awk -F'  ' '{ split($1, a, "/"); print a[1] " " a[2] " " $2 }' "$work/codes-100000.txt" > "$work/codes-100000.short.txt"
echo "## Loading a user file (whole process: whatcode --data FILE show ID)"
for n in 1000 10000 100000; do
  rm -rf "$WHATCODE_CACHE_DIR"
  cold=$( { /usr/bin/time -f "%e s (peak memory %M KiB)" "$B" --data "$work/codes-$n.toml" show bigco/100001 >/dev/null; } 2>&1 | tail -1)
  hyperfine -N --warmup 3 --runs 15 --export-json "$work/load.json" "$B --data $work/codes-$n.toml show bigco/100001" >/dev/null
  echo "$n codes: first load (parse + validate + cache) ${cold}, later loads $(median "$work/load.json") ms"
done
echo
# whatcode search against fzf --filter over the lines of $1, for each query at 10^5 codes. Both
# run through the same shell, so both pay the same start-up overhead.
versus_fzf() {
  for q in "snpt" "snapshot too large" "100042"; do
    hyperfine --warmup 3 --runs 15 --export-json "$work/q.json" \
      "fzf --filter '$q' < $1 > /dev/null" \
      "$B search '$q' --limit 20 --data $work/codes-100000.toml > /dev/null" >/dev/null
    read -r f w < <(median "$work/q.json")
    echo "'$q': fzf $f ms, whatcode $w ms, ratio $(python3 -c "print('%.2f' % ($w/$f))")"
  done
}
echo "## search at 10^5 codes vs fzf --filter over the same records' one-line forms"
versus_fzf "$work/codes-100000.txt"
echo
echo "## search at 10^5 codes vs fzf --filter over 'family code name' lines (the stricter comparison)"
versus_fzf "$work/codes-100000.short.txt"
echo
echo "## In a pseudo-terminal (measured from outside the process)"
"$PTY" "$B" first-frame
echo -n "built-in, typing 1006: "; "$PTY" "$B" keystroke 100 6 "1006  Abnormal Closure" "100  Continue"
echo -n "built-in, typing going away: "; "$PTY" "$B" keystroke "going awa" y "1001  Going Away" "› going awa▏"
for n in 1000 10000 100000; do
  "$B" --data "$work/codes-$n.toml" show bigco/100001 >/dev/null
  for q in "snp:t" "snapshot too larg:e" "bigco 10004:2"; do
    prefix=${q%:*} last=${q##*:}
    echo -n "$n codes, typing $prefix$last: "
    "$PTY" "$B" keystroke --data "$work/codes-$n.toml" "$prefix" "$last" "› $prefix$last▏" "› $prefix▏"
  done
done
echo -n "built-in, pasting a gRPC log line: "
"$PTY" "$B" paste 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.3.4:50051: connect: connection refused"' "← code = Unavailable"
echo -n "built-in, pasting an nginx error line: "
"$PTY" "$B" paste '2026/12/03 10:12:01 [error] 31#31: *1042 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.3.7' "ECONNREFUSED ←"
echo -n "built-in, first query of a session (going away, typed at once): "
"$PTY" "$B" first-query "going away" "› going away▏"
for q in "snpt" "bigco 100042"; do
  echo -n "100000 codes, first query of a session ($q, typed at once): "
  "$PTY" "$B" first-query --data "$work/codes-100000.toml" "$q" "› $q▏"
done
echo -n "100000 codes, "; "$PTY" "$B" first-frame --data "$work/codes-100000.toml"
"$PTY" "$B" idle
"$PTY" "$B" held-key
