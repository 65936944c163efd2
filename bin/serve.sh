#!/usr/bin/env bash
# Runs the task worker in the background and gunicorn in the foreground; Ctrl-C stops both.
set -euo pipefail
"$PY" manage.py db_worker --queue-name "*" &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Serving on http://$HOST:$PORT (Ctrl-C stops the site and the task worker)"
"${PY%/python}/gunicorn" --config gunicorn.conf.py --bind "$HOST:$PORT" mscos.wsgi
