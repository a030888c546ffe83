#!/usr/bin/env python3
"""Computes the query vectors of ApiGatewaySignerTests.Query_vectors_follow_the_official_sdk.

Written from the APIG SDK's documented SDK-HMAC-SHA256 algorithm, independently of the C# signer:
split the query at '&' and each pair at its first '=', drop pairs with an empty name, percent-decode
name and value (UTF-8, '+' stays '+'), sort the names, then each name's values, by code point, and
only then encode both (RFC 3986 unreserved kept, every other UTF-8 byte as uppercase %XX).
Run: python3 tests/KooGallery.Tests/OpenApi/apig_query_vectors.py
"""
import hashlib
import hmac
from urllib.parse import quote, unquote

HOST = "mkt.myhuaweicloud.com"
DATE = "20240317T144237Z"
SECRET = "123"
PATH = "/api/q"

QUERIES = [
    "%E6%B5%8B%E8%AF%95=1&z=2&%C3%A9=3&A=4",
    "a/b=1&a.b=2&k=x/y&k=x.y",
    "tag=b&tag=%7E&tag=A&tag=%C3%A9&tag=%20x&tag=b",
    "empty&blank=x&blank=&=dropped&&v=",
]


def canonical_query(raw):
    by_name = {}
    for pair in raw.split("&"):
        name, _, value = pair.partition("=")
        if name:
            by_name.setdefault(unquote(name), []).append(unquote(value))
    return "&".join(
        quote(name, safe="~") + "=" + quote(value, safe="~")
        for name in sorted(by_name)
        for value in sorted(by_name[name]))


def signature(query):
    canonical = "\n".join([
        "GET", PATH + "/", query,
        "host:" + HOST, "x-sdk-date:" + DATE, "",
        "host;x-sdk-date", hashlib.sha256(b"").hexdigest()])
    string_to_sign = "\n".join(["SDK-HMAC-SHA256", DATE, hashlib.sha256(canonical.encode()).hexdigest()])
    return hmac.new(SECRET.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()


for raw in QUERIES:
    query = canonical_query(raw)
    print(f'{{ "{raw}", "{query}", "{signature(query)}" }},')
