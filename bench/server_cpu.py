#!/usr/bin/env python3
"""Prints the CPU seconds a PostgreSQL cluster has used so far: its postmaster's own and its exited children's
(the backends of closed connections), plus its live children's. The difference over a step of a benchmark is
the server's share of it. Usage: server_cpu.py POSTMASTER_PID (0: prints 0)."""
import os
import sys

postmaster, total = int(sys.argv[1]), 0
for entry in filter(str.isdigit, os.listdir("/proc") if postmaster else []):
    try:
        with open(f"/proc/{entry}/stat") as stat_file:
            stat = stat_file.read()
    except OSError:  # the process ended meanwhile
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    ppid, (utime, stime, cutime, cstime) = int(fields[1]), map(int, fields[11:15])
    if int(entry) == postmaster:
        total += utime + stime + cutime + cstime
    elif ppid == postmaster:
        total += utime + stime
print(total / os.sysconf("SC_CLK_TCK"))
