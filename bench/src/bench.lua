-- Mixed interpreter workload: calls, tables, strings, closures.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = {}
for i = 1, 200000 do t[i] = (i * 7919) % 100003 end
table.sort(t)
local parts = {}
for i = 1, 100000 do parts[#parts + 1] = string.format("%d:%x", i, t[i]) end
local s = table.concat(parts, ",")
local count = 0
for w in s:gmatch("%d+:") do count = count + 1 end
local acc = 0
for i = 1, 300000 do local f = function(x) return x * 2 + i end acc = acc + f(i) % 7 end
print(fib(27), count, acc, #s)
