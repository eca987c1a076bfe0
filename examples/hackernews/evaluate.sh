#!/usr/bin/env bash
# The Hacker News evaluation, end to end through the ./mmq command line, on its own data dir:
# convert the CSV to R17 JSON Lines, import, set the tasks (points, comments; median per month),
# derive labels per calendar month, train the multi-task model on the older months, validate it on
# the newest months (a time split), train and evaluate the logistic-regression baseline on the same
# months, both once per seed, run the ablations (at the first seed), and write the Markdown results
# tables (printed at the end).
#
# Usage: examples/hackernews/evaluate.sh [CSV]
#   CSV defaults to ../shared/data/hn/hn_posts_2015-09_2016-06.csv relative to the repository root.
#   HN_RUN_DIR (default examples/hackernews/run) holds the data dir, the reports and results.md;
#   it is wiped first. HN_ABLATIONS=false skips the ablations. HN_SEEDS (default "42 7 1 2 3"):
#   the seeds; each seeds both models (initialisation, shuffling, and which 20 % of the training
#   months are held out). HN_RESULTS (default examples/hackernews/results.md) is where the table
#   is copied.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/examples/hackernews"
csv="${1:-$root/../shared/data/hn/hn_posts_2015-09_2016-06.csv}"
run="${HN_RUN_DIR:-$here/run}"
ablations="${HN_ABLATIONS:-true}"
results="${HN_RESULTS:-$here/results.md}"

# The time split: train on 2015-09 .. 2016-03 (seven months; 20 % of them held out by the trainer
# for early stopping and model selection), validate on 2016-04 .. 2016-06 (the three newest months).
all_from=2015-09-01; all_to=2016-07-01
train_from=2015-09-01; train_to=2016-04-01
val_from=2016-04-01; val_to=2016-07-01
read -r -a seeds <<< "${HN_SEEDS:-42 7 1 2 3}"
[ "${#seeds[@]}" -gt 0 ] || { echo "evaluate.sh: HN_SEEDS is empty" >&2; exit 2; }

# The deep model's settings: the channels this data has no input for (tags, body, images, layout)
# are off; the rest was chosen on the 20 % of the training months that training holds out (see the
# README's "Hacker News evaluation"), never on the validation months.
# The wide part (channel.wide) carries the title's tokens and pairs linearly; the deep title channel
# overfitted the held-out slice and is off.
deep=(channel.tags=false channel.body=false channel.image=false channel.fusion=false channel.style=false
      channel.title=false channel.wide=true wideBuckets=1048576
      hashBuckets=16384 cross=FM steps=3000 evalEvery=50 patience=8 weightDecay=0.6)

# Ablations: one setting (or a pair) changed from the deep model's at a time.
ablation_names=("wide part off" "wide part off, deep title on" "deep title channel on" "atomic channel off"
                "categorical channel off" "shared gate" "hard sharing" "FM and DCN crosses" "no weight decay")
ablation_settings=("channel.wide=false" "channel.wide=false channel.title=true" "channel.title=true"
                   "channel.atomic=false" "channel.categorical=false" "gate=SHARED" "gate=HARD" "cross=BOTH"
                   "weightDecay=0")

[ -f "$csv" ] || { echo "evaluate.sh: no CSV at $csv (pass its path as the first argument)" >&2; exit 2; }
started=$SECONDS
rm -rf "$run"
mkdir -p "$run"
mmq() { "$root/mmq" --data-dir "$run/data" "$@"; }
step() { echo "== $* ($((SECONDS - started)) s)" >&2; }

step "building the application if needed"
mmq --version >/dev/null

step "converting $csv"
java "$here/HnToJsonl.java" "$csv" "$run/jsonl"

step "importing"
mmq tasks --file "$here/tasks.json" >/dev/null
mmq import --resources "$run/jsonl/resources.jsonl" --engagement "$run/jsonl/engagement.jsonl" --json > "$run/import.json"
mmq labels --from "$all_from" --to "$all_to" --json > "$run/labels.json"
cat "$run/labels.json" >&2; echo >&2

# train_and_validate SEED NAME KIND SETTING KEY=VALUE...: trains, makes the model active, validates it.
train_and_validate() {
  local seed="$1" name="$2" kind="$3" setting="$4"; shift 4
  local sets=() kv t0=$SECONDS file
  for kv in "$@"; do sets+=(--set "$kv"); done
  file="$(echo "$name" | tr ' ' '-')-$seed.json"
  step "training: $name, seed $seed"
  mmq train --from "$train_from" --to "$train_to" --seed "$seed" "${sets[@]}" --json > "$run/train-$file" 2> "$run/train-$file.log"
  local version
  version="$(sed -n 's/.*"modelVersion":"\([^"]*\)".*/\1/p' "$run/train-$file")"
  mmq models promote "$version" >/dev/null
  step "validating: $name ($version)"
  mmq validate --from "$val_from" --to "$val_to" --json > "$run/$file"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$setting" "$file" "$((SECONDS - t0))" "$seed" >> "$run/runs.tsv"
}

: > "$run/runs.tsv"
for seed in "${seeds[@]}"; do
  train_and_validate "$seed" "multi-task model (MMoE)" model "as configured" "${deep[@]}"
  step "baseline: logistic regression per task, seed $seed"
  t0=$SECONDS
  mmq baseline --train-from "$train_from" --train-to "$train_to" --from "$val_from" --to "$val_to" --seed "$seed" --json > "$run/baseline-$seed.json"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' baseline "logistic regression per task" "-" "baseline-$seed.json" "$((SECONDS - t0))" "$seed" >> "$run/runs.tsv"
done

if [ "$ablations" = true ]; then
  for i in "${!ablation_names[@]}"; do
    train_and_validate "${seeds[0]}" "${ablation_names[$i]}" ablation "\`${ablation_settings[$i]}\`" "${deep[@]}" ${ablation_settings[$i]} # word-split: a row may change two settings
  done
fi

title="Trained on $train_from .. $train_to (exclusive), validated on $val_from .. $val_to (exclusive); deep model settings: \`${deep[*]}\`."
java "$here/ResultsTable.java" "$run" "$title" > "$run/results.md"
echo "Total time: $((SECONDS - started)) s" >> "$run/results.md"
cp "$run/results.md" "$results"
cat "$run/results.md"
