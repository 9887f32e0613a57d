-- wrk script: every request files one anonymous JSON report.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"category":"deviation","answers":{"description":"Benchmark report: a door was left open in the server room overnight."}}'

local created, other = 0, 0
function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-201 answers: %d\n", summary.errors.status))
end
