#!/usr/bin/env bash
# End-to-end check of the README's run command: the packaged gateway starts on an embedded PostgreSQL,
# prints the demo credentials once, and the seed's bash/curl example creates a payment with them.
# A restart on the same data directory keeps the payment and prints no new credentials.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=$(ls api/target/paymux-api-*-exec.jar | head -1)
PORT=${SMOKE_PORT:-18089}
WORK=$(mktemp -d)
LOG="$WORK/gateway.log"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start() {
  : > "$LOG"
  java -jar "$JAR" --server.port="$PORT" --paymux.db.embedded.data-dir="$WORK/pgdata" \
       --paymux.rates.mode=fixed >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$PID" 2>/dev/null; then cat "$LOG"; echo "gateway exited" >&2; exit 1; fi
    sleep 1
  done
  cat "$LOG"; echo "gateway did not start" >&2; exit 1
}

stop() {
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

start
API_KEY=$(sed -n 's/^  API key: *//p' "$LOG")
API_SECRET=$(sed -n 's/^  API secret: *//p' "$LOG")
[ -n "$API_KEY" ] && [ -n "$API_SECRET" ] || { cat "$LOG"; echo "no demo credentials printed" >&2; exit 1; }

# The seed's example, with only the base URL and the credentials changed.
TIMESTAMP=$(date +%s)
BODY='{"amount":"100.00","order_id":"ORDER-1"}'
PAYLOAD="${TIMESTAMP}POST/api/v1/payment/create${BODY}"
SIGNATURE=$(echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$API_SECRET" | cut -d' ' -f2)
RESPONSE=$(curl -sS -X POST "http://localhost:$PORT/api/v1/payment/create" \
  -H "Content-Type: application/json" \
  -H "X-Api-Key: $API_KEY" \
  -H "X-Timestamp: $TIMESTAMP" \
  -H "X-Signature: $SIGNATURE" \
  -d "$BODY")
echo "create: $RESPONSE"
echo "$RESPONSE" | grep -q '"payment_url":"http' || { echo "no payment_url" >&2; exit 1; }
PAYMENT_ID=$(echo "$RESPONSE" | sed -n 's/.*"payment_id":"\([^"]*\)".*/\1/p')
stop

start
if grep -q "API secret:" "$LOG"; then echo "credentials printed twice" >&2; exit 1; fi
TIMESTAMP=$(date +%s)
PATH_="/api/v1/payment/$PAYMENT_ID"
SIGNATURE=$(echo -n "${TIMESTAMP}GET${PATH_}" | openssl dgst -sha256 -hmac "$API_SECRET" | cut -d' ' -f2)
STATUS=$(curl -sS "http://localhost:$PORT$PATH_" -H "X-Api-Key: $API_KEY" -H "X-Timestamp: $TIMESTAMP" \
  -H "X-Signature: $SIGNATURE")
echo "after restart: $STATUS"
echo "$STATUS" | grep -q "\"payment_id\":\"$PAYMENT_ID\"" || { echo "payment lost across restart" >&2; exit 1; }
stop
echo "smoke: 2 passed, 0 failed"
