#!/bin/bash
# A million runs of the baseline as a Slurm job array of 8 tasks. Each task
# runs one shard (--shard auto reads SLURM_ARRAY_TASK_ID and
# SLURM_ARRAY_TASK_COUNT) into $OUT/parts; then merge them:
#
#   jobid=$(sbatch --parsable docs/scale/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap "$CHIPSIM merge $OUT/parts --out $OUT"
#
# CHIPSIM is the command line: `chipsim` if installed, or
# /path/to/chipsim/packages/cli/dist/bundle/chipsim.js, whose first line
# starts Node with the flags chipsim is built for (a plain `node` in front
# of it gives the same results with more memory and no code cache).
#SBATCH --job-name=chipsim-baseline-1m
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=00:30:00
set -euo pipefail
CHIPSIM=${CHIPSIM:-chipsim}
SCENARIO=${SCENARIO:-baseline}
RUNS=${RUNS:-1000000}
SEED=${SEED:-2026}
OUT=${OUT:-results/$SCENARIO-$RUNS}
$CHIPSIM run "$SCENARIO" --runs "$RUNS" --seed "$SEED" --shard auto \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --out "$OUT/parts" --quiet
