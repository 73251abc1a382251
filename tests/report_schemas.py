"""Each output format checked against the schema its consumer publishes (tests/schemas/README.md)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import xmlschema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).resolve().parent / "schemas"
# what a printed report must never hold raw: the characters methlint.reporting.display escapes
# (C0 controls but the newline that ends each line, C1, separators, bidi controls, surrogates)
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# GitLab's documentation asks more than its schema checks (tests/schemas/README.md)
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _json_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@functools.cache
def _junit_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(SCHEMAS / "junit-10.xsd"))


def check_json(text: str) -> list[dict[str, Any]]:
    data = json.loads(text)
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8")))
    return data


def check_sarif(text: str) -> dict[str, Any]:
    log = json.loads(text)
    jsonschema.Draft4Validator(_json_schema("sarif-schema-2.1.0.json")).validate(log)
    return log


def check_gitlab(text: str) -> list[dict[str, Any]]:
    """As GitLab reads it: a JSON array, each issue valid against its schema (else dropped), with
    a fingerprint of its own (else merged), plus the fields its documentation requires."""
    issues = json.loads(text)
    assert isinstance(issues, list)
    validator = jsonschema.Draft7Validator(_json_schema("gitlab-codeclimate.json"))
    for issue in issues:
        validator.validate(issue)
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str) and issue["location"]["path"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert not text.startswith("\ufeff")  # GitLab's parser refuses a byte order mark
    return issues


def check_junit(text: str) -> None:
    _junit_schema().validate(text)


def check_printable(text: str) -> None:
    """Nothing a document holds reaches the output raw, and any UTF-8 stream can write it."""
    assert UNSAFE.search(text) is None, repr(UNSAFE.search(text))
    text.encode("utf-8")
