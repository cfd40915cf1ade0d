#!/usr/bin/env python3
"""Prints the benchmarks' generated customer CSV: `rows` customers from number `first` on (default 0), half with
Chinese and half with English names, a phone, an e-mail, a unified social credit code with its right check
character (GB 32100-2015) and a city. Usage: customers_csv.py ROWS [FIRST]"""
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CITIES = ["上海", "深圳", "北京", "Hamburg", "Boston"]


def uscc(body):
    check = (31 - sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + CHARSET[check]


def main():
    rows = int(sys.argv[1])
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    print("id,name,phone,email,tax_id,city")
    for i in range(first, first + rows):
        name = f"上海华腾贸易有限公司{i}" if i % 2 else f"Northwind Traders {i} Ltd"
        print(f"C{i:07d},{name},+86 138 {i % 10000:04d} {i % 7777:04d},sales{i}@example.cn,"
              f"{uscc(f'9131011{i:010d}')},{CITIES[i % 5]}")


main()
