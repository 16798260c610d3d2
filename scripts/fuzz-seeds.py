#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (Fuzz/Corpus/HARNESS/) from the examples in config/, docs/ and the tests.

Run once when a parser learns a new form; the files are committed. scripts/fuzz.sh fuzzes a copy, so a run never
grows the committed corpus.
"""
import hashlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"


def toml_blocks(*docs):
    blocks = []
    for doc in docs:
        text = (ROOT / doc).read_text()
        blocks += re.findall(r"```toml\n(.*?)```", text, re.S)
    return blocks


def json_blocks(doc):
    text = (ROOT / doc).read_text()
    return [b for b in re.findall(r"```json\n(.*?)```", text, re.S) if "..." not in b]


def zoneinfo(name):
    path = pathlib.Path("/usr/share/zoneinfo") / name
    return path.read_bytes() if path.exists() else None


SEEDS = {
    "config": [
        (ROOT / "config" / "demo.toml").read_text(),
        (ROOT / "config" / "simwatch.example.toml").read_text(),
    ]
    + toml_blocks("docs/configuration.md", "docs/providers.md", "docs/webhooks.md")[:24],
    "units": [
        "1.5 GB", "500MB", "1 GiB", "1024", "0", "3.2 To", "2h30m", "90s", "1d", "2 weeks", "45 min",
        "4.52 EUR", "12,50 €", "0.99 USD", "2026-12-15T00:00:00+01:00", "2026-12-15", "2026-11-27 10:00:00",
        "2026-03-29T02:30:00", "2026-11-27T10:00:00Z", "22:00-07:30", "00:00-24:00", "9:00 - 17:00",
    ],
    "mail-address": [
        "alice@example.com", "Alice Martin <alice@example.com>", "\"Bob\" <bob@example.org>",
        "Zoë Ünïcode <z@exämple.com>", "no-at-sign", "a@b",
    ],
    "script-reading": [
        '{"remaining": "1.2 GB", "total": 5000000000, "expires_at": "2026-12-15T00:00:00+01:00",'
        ' "status": "active", "credit": "4.52 EUR", "updated_at": "2026-11-27T10:00:00+01:00"}',
        '{"error": "login failed"}',
        '{"used": 123456789, "status": "unlimited"}',
        '{"remaining": null, "expires_at": "2026-12-15 10:00:00"}',
        '{"left": 3}',
        "{}",
    ],
    "json-node": [
        '{"data": {"remaining": 767, "total": 2048, "expired_at": "2026-12-20 10:00:00", "is_unlimited": false}}',
        '{"items": [{"left": 1.5e9}, {"left": "2 GB"}], "a/b": {"~c": true}}',
        "/data/remaining\0" + '{"data": {"remaining": 1}}',
        "/items/0/left\0" + '{"items": [{"left": 3}]}',
        "[1, 2.5, -3e-7, true, false, null, \"\\u00e9\\ud83d\\ude00\"]",
    ],
    "carrier-reply": [
        "Orange : au 27/11 a 10h15, il vous reste 1,2 Go d'internet valable jusqu'au 15/12/2026. "
        "Votre credit est de 4,52 EUR.",
        "Votre solde est de 12,50€. Internet : il vous reste 2,5 Go jusqu'au 1er décembre 2026 à 23h59.",
        "SFR: 800 Mo restants, valables jusqu'au 01/01/27",
        "Free Mobile: Conso data : 3,45 Go / 150 Go. Hors forfait : 0,00€.",
        "Vous avez internet illimité jusqu'au 15/12/2026",
        "Service indisponible",
        "Il vous reste 1 024,5 Mo jusqu'au 31 déc. 2026 à 23h59",
    ],
    "tzif": [zoneinfo(z) for z in ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata",
                                   "Australia/Lord_Howe", "America/Nuuk"]],
    "posix-rule": [
        "CET-1CEST,M3.5.0,M10.5.0/3", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "XXX3YYY,J60/167,300/-1:30", "EST5EDT",
        "EST5EDT,0/0,J365/25", "UTC0", "<+0530>-5:30", "AEST-10AEDT,M10.1.0,M4.1.0/3", "IST-2IDT,M3.4.4/26,M10.5.0",
    ],
    "varlink-frame": [],  # filled below: a chunk-size byte, then NUL-terminated messages
    "varlink-call": json_blocks("docs/control-protocol.md")
    + [
        '{"method":"org.varlink.service.GetInfo"}',
        '{"method":"io.simwatch.Control.Events","more":true,"parameters":{"line":"my-esim"}}',
        '{"method":"io.simwatch.Control.Reload","oneway":true}',
        '{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"message"}}',
    ],
    "provider-json": [
        '{"data": {"remaining": 767, "total": 2048, "expired_at": "2026-12-20 10:00:00", "is_unlimited": false,'
        ' "status": "ACTIVE"}}',
        '{"data": {"remaining": 0, "total": 0, "expired_at": "2026-12-20 10:00:00", "is_unlimited": true,'
        ' "status": "ACTIVE"}}',
        '{"volume": 512.5, "total_volume": 1024, "expiry_date": "2026-12-31T23:59:59.000+0000"}',
        '{"data": {"remaining": "1.2 GB", "used": 300, "total": "5 GB", "expires_at": 1797757200,'
        ' "status": "ok", "unlimited": false, "updated_at": 1795132800000, "credit": "4.52 EUR"}}',
        '{"data": {"remaining": 3.5, "expires_at": "2026-12-15T00:00:00+01:00", "status": "blocked",'
        ' "credit": 12.5}}',
    ],
    "retry-after": ["120", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", " 3600 ", "-1"],
}

# The TOML parser alone: the configurations, and documents using every part of TOML 1.0.
SEEDS["toml"] = SEEDS["config"] + [
    'a = 1\nb.c = "x"\n[t]\nd = [1, 2.5, true, 1979-05-27T07:32:00Z, 07:32:00, {e = 1}]\n[[arr]]\n'
    'f = """\nml\\\n  x"""\n',
    "s = '''lit'''\nh = 0xdead_beef\no = 0o755\nb = 0b1010\nf = -inf\nn = nan\n"
    "d = 1979-05-27 07:32:00.999-07:00\n",
    '[a.b.c]\n[a]\nb.d = 1\n[[x.y]]\n[x]\n"quoted key" = { inline.dotted = 1, list = [[1], ["a"]] }\n',
]

frames = [s.encode() for s in SEEDS["varlink-call"][:6]]
SEEDS["varlink-frame"] = [bytes([n]) + b"\0".join(frames) + b"\0" for n in (0, 7, 255)]


def main():
    for name, seeds in SEEDS.items():
        folder = CORPUS / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for seed in seeds:
            if seed is None:
                continue
            data = seed if isinstance(seed, bytes) else seed.encode()
            (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
        print(f"{name}: {len(list(folder.iterdir()))} seeds")


if __name__ == "__main__":
    main()
