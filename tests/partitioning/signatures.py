"""Checks generated TimescaleDB SQL against the routines and options the 2.28.3 recording lists."""

from __future__ import annotations

import re

from .recording import columns_json, scenario_sql

_CALL = re.compile(r"(?P<call>\bCALL\s+)?\b(?P<name>[a-z_]+)\(")
_NAMED = re.compile(r"^\s*(?P<name>\w+)\s*=>")
_OPTION = re.compile(r"timescaledb\.(?P<name>\w+)")


def _arguments(text: str, start: int) -> tuple[list[str], int]:
    depth, current, parts, index = 0, "", [], start
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                parts.append(current)
                return [p for p in parts if p.strip()], index
            depth -= 1
        elif char == "'":
            end = text.index("'", index + 1)
            current += text[index : end + 1]
            index = end + 1
            continue
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        index += 1
    raise AssertionError(f"unbalanced call in {text[start - 20 : start + 40]!r}")


def _parameters(signature: str) -> list[tuple[str, bool]]:
    """(name, has a default) for each argument of ``arguments_with_defaults``."""
    found = []
    for part in signature.split(", "):
        words = part.replace("IN ", "", 1).split()
        found.append((words[0].strip('"'), " DEFAULT " in part))
    return found


def routines() -> dict[str, list[dict]]:
    catalog = columns_json()
    by_name: dict[str, list[dict]] = {}
    for routine in (*catalog["functions_requested"], *catalog["functions_all_public_api"]):
        by_name.setdefault(routine["name"], []).append(routine)
    return by_name


def check_timescale_sql(sql: str) -> list[str]:
    """Every TimescaleDB routine call and option in ``sql`` that the recorded 2.28.3 would refuse."""
    known = routines()
    problems = []
    calls = 0
    for match in _CALL.finditer(sql):
        overloads = known.get(match["name"])
        if not overloads:
            continue
        calls += 1
        arguments, _ = _arguments(sql, match.end())
        if not any(_fits(o, arguments, bool(match["call"])) for o in overloads):
            problems.append(f"{match['name']}({', '.join(a.strip() for a in arguments)}) fits no recorded signature")
    options = {name for o in columns_json()["alter_table_set_options"]["options"] for name in o["names"]}
    for statement in sql.split(";"):
        if re.search(r"\bALTER TABLE\b.*\bSET\s*\(", statement, re.S):
            found = _OPTION.findall(statement)
            calls += len(found)
            problems += [f"unknown option timescaledb.{name}" for name in found if name not in options]
        if "CREATE MATERIALIZED VIEW" in statement:
            recorded = set(_OPTION.findall(scenario_sql()))
            problems += [
                f"cagg option {m['name']} not in the recorded DDL"
                for m in _OPTION.finditer(statement)
                if m["name"] not in recorded
            ]
    assert calls, "no TimescaleDB call or option to check"
    return problems


def _fits(routine: dict, arguments: list[str], called: bool) -> bool:
    if called != (routine["kind"] == "procedure"):
        return False
    parameters = _parameters(routine["arguments_with_defaults"])
    names = [n for n, _ in parameters]
    positional = [a for a in arguments if not _NAMED.match(a)]
    named = [_NAMED.match(a)["name"] for a in arguments if _NAMED.match(a)]
    if len(positional) > len(parameters) or any(n not in names[len(positional) :] for n in named):
        return False
    given = set(names[: len(positional)]) | set(named)
    return all(name in given or has_default for name, has_default in parameters)
