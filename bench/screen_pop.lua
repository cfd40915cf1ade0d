-- wrk script of bench/screen_pop.sh: GET /api/v1/customers?phone=... for a random one of the store's
-- customers 1..N (N from the first argument after --), each request writing its number in the next of six
-- forms: the mobile +86 138 XXXX XXXX, 0086-138XXXXXXXX and 138XXXXXXXX, the landline (010)6XXXXXXX,
-- 010-6XXX-XXXX ext. 12 and +86 10 6XXXXXXX (+ sent as %2B, blanks as %20).
local customers = 1
local counter = 0

function init(args)
  customers = tonumber(args[1]) or 1
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

local function phone(i, form)
  local mobile = string.format("%08d", i)
  local landline = string.format("%07d", i % 10000000)
  if form == 0 then return "%2B86%20138%20" .. mobile:sub(1, 4) .. "%20" .. mobile:sub(5) end
  if form == 1 then return "0086-138" .. mobile end
  if form == 2 then return "138" .. mobile end
  if form == 3 then return "(010)6" .. landline end
  if form == 4 then return "010-6" .. landline:sub(1, 3) .. "-" .. landline:sub(4) .. "%20ext.%2012" end
  return "%2B86%2010%206" .. landline
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/customers?phone=" .. phone(math.random(1, customers), counter % 6))
end
