#!/usr/bin/env bash
# What a test run changed in the checkout (issue #12: a clone stays clean after the test command).
#   worktree-status.sh snapshot FILE   records git's status, every untracked file listed, each path with its content hash
#   worktree-status.sh compare FILE    lists the paths whose status or content differs from FILE; exit 1 if any
# scripts/test.sh takes the snapshot before anything runs and compares at its very end, so only what the run did
# counts: a developer's own uncommitted edits are in the snapshot and do not fail it (unless the run changes them
# again). In CI the clone is clean at the start, so this is `git status --porcelain` being empty at the end.
set -uo pipefail

state() {
  # one line per path: XY status, content hash (or - for a deleted file), path. NUL-separated input keeps odd names whole.
  git status --porcelain=v1 -z --untracked-files=all | while IFS= read -r -d '' entry; do
    code=${entry:0:2}
    path=${entry:3}
    # a rename or copy is followed by its source path
    case "$code" in R* | C*) IFS= read -r -d '' _source ;; esac
    if [ -L "$path" ]; then
      hash="link:$(readlink -- "$path")"
    elif [ -f "$path" ]; then
      hash=$(git hash-object -- "$path" 2>/dev/null || echo '?')
    elif [ -e "$path" ]; then
      hash=dir
    else
      hash=-
    fi
    printf '%s\t%s\t%s\n' "$code" "$hash" "$path"
  done | LC_ALL=C sort
}

case "${1:-}" in
  snapshot)
    [ -n "${2:-}" ] || { echo "usage: $0 snapshot FILE" >&2; exit 2; }
    state >"$2"
    ;;
  compare)
    [ -n "${2:-}" ] && [ -f "$2" ] || { echo "usage: $0 compare FILE (from snapshot)" >&2; exit 2; }
    now=$(state)
    # paths whose line (status and content) was not there at the start: new, changed or deleted by the run. A path
    # that became clean (committed meanwhile) is not a change the run made to the clone.
    changed=$(LC_ALL=C comm -13 "$2" <(printf '%s\n' "$now" | sed '/^$/d') | cut -f1,3)
    [ -n "$changed" ] || exit 0
    echo "!! 测试改动了工作区(git status --porcelain 与开始时不同):"
    printf '%s\n' "$changed" | sed 's/\t/ /; s/^/   /'
    exit 1
    ;;
  *)
    echo "usage: $0 snapshot FILE | compare FILE" >&2
    exit 2
    ;;
esac
