-- wrk script of bench/lead_intake.sh: POST /api/v1/leads, a new lead per request (its own Idempotency-Key),
-- every other one from a known customer of the store (customer i's mobile +86 138 i, 1..N from the first
-- argument after --), the others from an unknown company with a fresh mobile, each with a need, products and
-- an estimated amount, so that each runs the whole intake: conflict check, classification, routing, store,
-- events.
local customers = 1
local counter = 0
local prefix = ""

function init(args)
  customers = tonumber(args[1]) or 1
  local seed = os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000
  math.randomseed(seed)
  prefix = string.format("%x%x", seed, math.random(1, 2147483647))
end

function request()
  counter = counter + 1
  local known = counter % 2 == 0
  local mobile, company
  if known then
    local i = math.random(1, customers)
    mobile = string.format("138%08d", i)
    company = "Customer " .. i .. " Trading Co"
  else
    mobile = string.format("139%08d", math.random(0, 99999999))
    company = "新客户" .. counter .. "科技有限公司"
  end
  local body = string.format(
    '{"channel":"web","company_name":"%s","contact_name":"王经理","mobile":"%s","need":"询价：ERP 二期",' ..
    '"products":["erp"],"estimated_amount":%d,"currency":"CNY","industry":"manufacturing","province":"浙江"}',
    company, mobile, 50000 + (counter % 20) * 25000)
  -- wrk.format takes these headers instead of the command line's: carry those (the token) over.
  local headers = {["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. "-" .. counter}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", "/api/v1/leads", headers, body)
end
