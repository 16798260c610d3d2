#!/usr/bin/env python3
"""Writes the man page of a swift-argument-parser command from what the built binary says about itself.

    scripts/manpage.py BINARY [--tail FILE] [--date YYYY-MM-DD] [--section 1] > simwatchd.1

NAME, SYNOPSIS, DESCRIPTION, OPTIONS and COMMANDS come from `BINARY --experimental-dump-help` (the same data
`--help` prints), so the page always matches the binary it is installed with. The hand-written sections that
`--help` has no room for (FILES, ENVIRONMENT, EXIT STATUS, SEE ALSO, ...) come from --tail, a man(7) fragment.
The version comes from `BINARY --version`. The date is --date, else SOURCE_DATE_EPOCH, else today.

Python 3 standard library only. The output is man(7), checked with `groff -man -ww -z`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys


def escape(text: str) -> str:
    """Text safe for a man(7) body line: backslashes and hyphens escaped, no line starting with a control char."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # non-ASCII as groff's Unicode escapes (what preconv does), so that troff reads the page in any input encoding
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def paragraphs(text: str) -> str:
    """Blank-line separated paragraphs as .PP blocks; a paragraph's own line breaks are kept as breaks."""
    out = []
    for block in text.strip().split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        out.append(".PP")
        out.append(escape(block).replace("\n", "\n.br\n"))
    return "\n".join(out)


def flag_name(name: dict) -> str:
    kind, value = name["kind"], name["name"]
    dashes = "--" if kind == "long" else "-"
    return "\\fB" + escape(dashes + value) + "\\fR"


def names_of(arg: dict) -> list[dict]:
    names = arg.get("names") or ([arg["preferredName"]] if arg.get("preferredName") else [])
    # short first, then long, like --help prints them; single-dash long aliases of --help are noise
    order = {"short": 0, "long": 1, "longWithSingleDash": 2}
    return sorted((n for n in names if n["kind"] != "longWithSingleDash"), key=lambda n: order[n["kind"]])


def value_of(arg: dict) -> str:
    return "\\fI" + escape(arg.get("valueName") or "value") + "\\fR"


def synopsis_item(arg: dict) -> str:
    """One argument in a SYNOPSIS line, as --help's usage line writes it."""
    if arg["kind"] == "positional":
        item = value_of(arg) + ("\\&..." if arg.get("isRepeating") else "")
    else:
        name = arg.get("preferredName") or names_of(arg)[0]
        item = flag_name(name)
        if arg["kind"] == "option":
            item += " " + value_of(arg)
    return f"[{item}]" if arg.get("isOptional") else item


def option_entry(arg: dict) -> str:
    """A .TP entry for one option, flag or positional argument."""
    if arg["kind"] == "positional":
        head = value_of(arg) + ("\\&..." if arg.get("isRepeating") else "")
    else:
        spelled = []
        for name in names_of(arg):
            spelled.append(flag_name(name) + (" " + value_of(arg) if arg["kind"] == "option" else ""))
        head = ", ".join(spelled)
    body = [escape(arg.get("abstract") or "")]
    if arg.get("discussion"):
        body.append(paragraphs(arg["discussion"]))
    extras = []
    abstract = arg.get("abstract") or ""
    if arg.get("allValues") and not all(v in abstract for v in arg["allValues"]):
        extras.append("Values: " + ", ".join(arg["allValues"]) + ".")
    if arg.get("defaultValue") is not None and arg["kind"] != "flag":
        extras.append("Default: " + arg["defaultValue"] + ".")
    if extras:
        body.append(escape(" ".join(extras)))
    return ".TP\n" + head + "\n" + "\n".join(b for b in body if b)


def shown(args: list[dict] | None) -> list[dict]:
    return [a for a in (args or []) if a.get("shouldDisplay", True)]


def shown_subcommands(command: dict) -> list[dict]:
    # `help` is argument-parser's own pseudo subcommand, present on every command
    subcommands = command.get("subcommands") or []
    return [c for c in subcommands if c.get("shouldDisplay", True) and c["commandName"] != "help"]


def synopsis(path: list[str], command: dict) -> str:
    items = [synopsis_item(a) for a in shown(command.get("arguments")) if not is_help_or_version(a)]
    if shown_subcommands(command):
        items.append("\\fIcommand\\fR \\&...")
    return f'.SY "{escape(" ".join(path))}"' + ("\n" + "\n".join(items) if items else "") + "\n.YS"


def is_help_or_version(arg: dict) -> bool:
    name = (arg.get("preferredName") or {}).get("name")
    return arg["kind"] == "flag" and name in ("help", "version")


def render_subcommands(path: list[str], command: dict, out: list[str]) -> None:
    for sub in shown_subcommands(command):
        sub_path = path + [sub["commandName"]]
        out.append(".SS " + escape(" ".join(sub_path[1:])))
        out.append(synopsis(sub_path, sub))
        if sub.get("abstract"):
            out.append(".PP\n" + escape(sub["abstract"]))
        if sub.get("discussion"):
            out.append(paragraphs(sub["discussion"]))
        options = [a for a in shown(sub.get("arguments")) if not is_help_or_version(a)]
        if options:
            out.append(".RS")
            out.extend(option_entry(a) for a in options)
            out.append(".RE")
        render_subcommands(sub_path, sub, out)


def substitute(text: str, pairs: list[str]) -> str:
    for pair in pairs:
        key, _, value = pair.partition("=")
        lines = [line for line in text.split("\n") if value or line != f"@{key}@"]
        text = "\n".join(lines).replace(f"@{key}@", value)
    return text


def man_date(explicit: str | None) -> str:
    if explicit:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now()
    return when.strftime("%Y-%m-%d")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--tail", help="man(7) fragment appended after the generated sections")
    parser.add_argument("--date")
    parser.add_argument("--section", default="1")
    parser.add_argument(
        "--subst",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="replace @KEY@ in the tail; a line that is only @KEY@ is dropped when VALUE is empty",
    )
    opts = parser.parse_args()

    dump = subprocess.run([opts.binary, "--experimental-dump-help"], capture_output=True, text=True, check=True)
    try:
        command = json.loads(dump.stdout)["command"]
    except (ValueError, KeyError):
        print(f"manpage: {opts.binary} --experimental-dump-help did not print argument-parser JSON", file=sys.stderr)
        return 1
    version = subprocess.run([opts.binary, "--version"], capture_output=True, text=True).stdout.strip()
    name = command["commandName"]

    out = [
        f'.\\" {name}({opts.section}), generated by scripts/manpage.py from `{name} --experimental-dump-help`',
        f'.TH {name.upper()} {opts.section} "{man_date(opts.date)}" "simwatch {version}" "simwatch manual"',
        ".SH NAME",
        escape(name) + " \\- " + escape((command.get("abstract") or "").rstrip(".")),
        ".SH SYNOPSIS",
        synopsis([name], command),
    ]
    if any(is_help_or_version(a) for a in shown(command.get("arguments"))):
        versions = [a for a in shown(command.get("arguments")) if is_help_or_version(a)]
        for a in versions:
            out.append(".SY " + escape(name) + "\n" + flag_name(a["preferredName"]) + "\n.YS")
    out.append(".SH DESCRIPTION")
    out.append(".PP\n" + escape(command.get("abstract") or ""))
    if command.get("discussion"):
        out.append(paragraphs(command["discussion"]))
    options = shown(command.get("arguments"))
    if options:
        out.append(".SH OPTIONS")
        out.extend(option_entry(a) for a in options)
    if shown_subcommands(command):
        out.append(".SH COMMANDS")
        render_subcommands([name], command, out)
    if opts.tail:
        with open(opts.tail, encoding="utf-8") as tail:
            out.append(substitute(tail.read().rstrip("\n"), opts.subst))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
