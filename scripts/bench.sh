#!/usr/bin/env bash
# Benchmark public pages under gunicorn with production settings on 127.0.0.1 (runs inside dbrun.py).
# Prints requests/s, p50 and p99 latency and errors per URL. Loopback only; bounded in time.
set -euo pipefail
PY=.venv/bin/python
PORT="${BENCH_PORT:-8099}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
URLS="${BENCH_URLS:-/en/ /es/about/ /es/statements/ /pt/statements/media-alert-imrf-progress-declaration/ /fr/events/ /fr/events/womens-caucus-imrf-2022/ /pt/members/ /es/documents/ /es/search/?q=mujeres+migrantes /fr/events/calendar.ics}"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is needed: apt-get install wrk" >&2; exit 1
  fi
fi
export DJANGO_SETTINGS_MODULE=wimn_site.settings.production
export SECRET_KEY="bench-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 WIMN_BEHIND_TLS_PROXY=0
export GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_ACCESSLOG="" GUNICORN_WORKERS="${GUNICORN_WORKERS:-4}"
$PY manage.py setup_site >/dev/null
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn wimn_site.wsgi -c gunicorn.conf.py >/tmp/wimn-bench-gunicorn.log 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
printf "%-58s %10s %10s %10s %8s\n" "url" "req/s" "p50" "p99" "errors"
for url in $URLS; do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT$url" || { echo "warm-up failed for $url" >&2; exit 1; }
  out=$(wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {n+=1} END {print n+0}' <<<"$out")
  printf "%-58s %10s %10s %10s %8s\n" "$url" "$rps" "$p50" "$p99" "$errors"
done
