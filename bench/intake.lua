-- wrk script: every request files one anonymous JSON report (a breach, the path with the most
-- answers, clocks and stages).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"answers":{"about":"security","system":"Badge system","whatHappened":"Benchmark report: a door was left open in the server room overnight.","discoveredAt":"2026-01-05 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"no"}}'

function done(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
end
