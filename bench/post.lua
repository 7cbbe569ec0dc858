-- wrk script: POSTs purchase events, each with its own order ID, and
-- prints one JSON line with throughput and latency percentiles.
-- Arguments: ID base, delay between requests per connection in ms.

local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  base = tonumber(args[1] or "0") + thread_number * 100000000
  pause = tonumber(args[2] or "0")
  counter = 0
end

local template = '{"id":"evt_bench_%d","type":"SERVICE.PLUGIN.PURCHASE","createdAt":1764842400,'
  .. '"resource":{"contact":{"id":510001,"gender":"female","firstName":"Erika","lastName":"Beispiel",'
  .. '"email":"erika.beispiel@example.invalid","updatedAt":1764842000},'
  .. '"order":{"id":%d,"payPalTransactionId":"8TEST000000000001","orderItems":[{"itemVariationId":4101,'
  .. '"quantity":1,"orderItemName":"Shop-Einrichtung Starterpaket","priceGross":119,"priceNet":100}]}}}'

function request()
  counter = counter + 1
  local id = base + counter
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, string.format(template, id, id))
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"requests":%d,"socket_errors":%d,"non_2xx":%d}\n',
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
