#!/usr/bin/env bash
# The README's sessions walk-through: run from the repository root against `./boxoffice up`.
set -u
GW=http://127.0.0.1:8080
json='Content-Type: application/json'
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
say() { printf '%-52s %s\n' "$1" "$2"; }

curl -s -o /dev/null -X POST $GW/api/users -H "$json" -d '{"username":"grace","password":"correct-horse"}'
LOGIN=$(curl -s -X POST $GW/api/auth/token -H "$json" -d '{"username":"grace","password":"correct-horse"}')
say "POST /api/auth/token" "200 $(echo "$LOGIN" | sed 's/"accessToken":"[^"]*"/"accessToken":"eyJ…"/; s/"refreshToken":"\(rt1\.[^.]*\.[^.]*\.[^.]*\.\)[^"]*"/"refreshToken":"\1…"/')"
RT1=$(echo "$LOGIN" | field refreshToken)

PAIR=$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d "{\"refreshToken\":\"$RT1\"}")
RT2=$(echo "$PAIR" | field refreshToken); AT2=$(echo "$PAIR" | field accessToken)
say "POST /api/auth/refresh (first token)" "${PAIR##* } refreshToken ${RT2%.*}.…"
say "GET  /api/users/me (new access token)" "$(curl -s -w ' %{http_code}' $GW/api/users/me -H "Authorization: Bearer $AT2" | sed 's/\(.*\) \([0-9]*\)$/\2 \1/')"
say "POST /api/auth/refresh (first token again: theft)" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d "{\"refreshToken\":\"$RT1\"}" | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"
say "POST /api/auth/refresh (second token, same login)" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d "{\"refreshToken\":\"$RT2\"}" | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"

LOGIN=$(curl -s -X POST $GW/api/auth/token -H "$json" -d '{"username":"grace","password":"correct-horse"}')
AT=$(echo "$LOGIN" | field accessToken); RT=$(echo "$LOGIN" | field refreshToken)
say "POST /api/auth/logout (no access token)" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/logout -H "$json" -d "{\"refreshToken\":\"$RT\"}" | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"
say "POST /api/auth/logout" "$(curl -s -o /dev/null -w '%{http_code}' -X POST $GW/api/auth/logout -H "$json" -H "Authorization: Bearer $AT" -d "{\"refreshToken\":\"$RT\"}")"
say "POST /api/auth/refresh (logged-out token)" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d "{\"refreshToken\":\"$RT\"}" | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"
say "POST /api/auth/refresh {\"refreshToken\":\"oops\"}" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d '{"refreshToken":"oops"}' | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"
say "POST /api/auth/refresh {}" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/refresh -H "$json" -d '{}' | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"

for i in 1 2 3 4 5; do
  say "POST /api/auth/token (wrong password, $i of 5)" "$(curl -s -w ' %{http_code}' -X POST $GW/api/auth/token -H "$json" -d '{"username":"grace","password":"wrong-horse"}' | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/')"
done
say "POST /api/auth/token (right password, now)" "$(curl -s -D /tmp/readme/h -w ' %{http_code}' -X POST $GW/api/auth/token -H "$json" -d '{"username":"grace","password":"correct-horse"}' | sed 's/.*"code":"\([^"]*\)".* \([0-9]*\)$/\2 {"code":"\1",...}/') Retry-After: $(grep -i retry-after /tmp/readme/h | tr -dc 0-9)"
say "POST /api/auth/token (another user)" "$(curl -s -o /dev/null -w '%{http_code}' -X POST $GW/api/auth/token -H "$json" -d '{"username":"admin","password":"'"$(cat var/secrets/admin-password)"'"}')"
