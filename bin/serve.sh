#!/usr/bin/env bash
# Runs the task worker and the scheduler in the background, gunicorn in front; Ctrl-C stops all.
set -euo pipefail
# Links in pages, mails and feeds point where the site is served, unless SITE_URL says otherwise.
if [ "$HOST" = "0.0.0.0" ]; then site_host=127.0.0.1; else site_host=$HOST; fi
export SITE_URL="${SITE_URL:-http://$site_host:$PORT}"
"$PY" manage.py db_worker --queue-name "*" &
worker=$!
"$PY" manage.py run_scheduler &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true; wait "$worker" "$scheduler" 2>/dev/null || true' EXIT INT TERM
echo "Serving on http://$HOST:$PORT as $SITE_URL (Ctrl-C stops the site, the task worker and the scheduler)"
echo "Admin: $SITE_URL/admin/"
"${PY%/python}/gunicorn" --config gunicorn.conf.py --bind "$HOST:$PORT" mscos.wsgi
