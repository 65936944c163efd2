#!/usr/bin/env bash
# Runs the task worker and the scheduler in the background, gunicorn in front; Ctrl-C stops all.
set -euo pipefail
"$PY" manage.py db_worker --queue-name "*" &
worker=$!
"$PY" manage.py run_scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true; wait "$worker" "$scheduler" 2>/dev/null || true' EXIT INT TERM
echo "Serving on http://$HOST:$PORT (Ctrl-C stops the site, the task worker and the scheduler)"
"${PY%/python}/gunicorn" --config gunicorn.conf.py --bind "$HOST:$PORT" mscos.wsgi
