"""What a plain YAML scalar means to Jekyll: safe_yaml's rules, not PyYAML's.

Jekyll reads front matter with ``SafeYAML.load`` (the safe_yaml gem, a dependency of every
Jekyll 3 and 4): libyaml parses, then ``SafeYAML::Transform`` turns each plain scalar into a
value, trying in turn an integer, a float, null, a boolean and a date, else keeping the text.
Psych's own ``ScalarScanner`` is never used. Those rules differ from PyYAML's YAML 1.1
resolvers in ways an editor meets: ``1,000`` is the integer 1000, ``yEs`` is true, ``=`` and
``<<`` are text. docs/design.md has the table of every difference and what methlint does.

The sources followed (safe_yaml 1.0.5, lib/safe_yaml/transform/ and parse/):
``to_integer.rb``, ``to_float.rb``, ``to_nil.rb``, ``to_boolean.rb``, ``to_date.rb``,
``parse/hexadecimal.rb``, ``parse/sexagesimal.rb``, ``parse/date.rb``.

Numbers are bounded (:data:`MAX_DIGITS`): an integer of more digits raises
:class:`NumberTooLarge` instead of costing quadratic time or failing where it is printed.
"""

from __future__ import annotations

import re

INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
STR = "tag:yaml.org,2002:str"

# Python's own bound on converting integers to text (sys.get_int_max_str_digits()): a longer
# integer could be read but not printed in a message, a cache entry or a report.
MAX_DIGITS = 4300
_MAX_BITS = 14_284  # 2 ** 14_284 has 4,300 digits: any integer of fewer bits prints


class NumberTooLarge(ValueError):
    """An integer beyond :data:`MAX_DIGITS` digits (Jekyll reads it; methlint does not)."""


# to_integer.rb, matched against the text without its '_' and ',' (Ruby's \d is ASCII)
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_OCTAL = re.compile(r"0[0-7]+")
_HEX = re.compile(r"0[xX][0-9a-fA-F]+")  # /\A0x[0-9a-f]+\Z/i
_BINARY = re.compile(r"0b[01]+")
_SIGNED_HEX = re.compile(r"[-+]?0x[0-9a-fA-F]+")  # parse/hexadecimal.rb
_SEXAGESIMAL_INT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+")
# to_float.rb, matched against the text as written
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+][0-9]+)?")
_SEXAGESIMAL_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*")
_SPECIAL_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF"), float("inf")),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), float("-inf")),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
# to_nil.rb and to_boolean.rb: compared case-insensitively
_NULL_WORDS = frozenset(("", "~", "null"))
_BOOLEANS = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}
# parse/date.rb
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t\n\r\f\v]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?[ \t\n\r\f\v]*"
    r"(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?)?"
)
_NUMBER_START = frozenset("0123456789+-._,")


def _integer_text(value: str) -> str:
    return value.replace("_", "").replace(",", "")


def plain_tag(value: str) -> str:
    """The tag safe_yaml gives a plain scalar (``INT``, ``FLOAT``, ``NULL``, ``BOOL``,
    ``TIMESTAMP`` or ``STR``)."""
    if value[:1] in _NUMBER_START:
        digits = _integer_text(value)
        if any(pattern.fullmatch(digits) for pattern in (_DECIMAL, _OCTAL, _HEX, _BINARY, _SIGNED_HEX)):
            return INT
        if _SEXAGESIMAL_INT.fullmatch(digits) or _FLOAT.fullmatch(value) or _SEXAGESIMAL_FLOAT.fullmatch(value):
            return FLOAT  # safe_yaml computes base 60 in floating point, even for `1:30`
        if value in _SPECIAL_FLOATS:
            return FLOAT
    if len(value) <= 5:
        lowered = value.lower()
        if lowered in _NULL_WORDS:
            return NULL
        if lowered in _BOOLEANS:
            return BOOL
    if value[:1].isdigit() and (_DATE.fullmatch(value) or _TIME.fullmatch(value)):
        return TIMESTAMP
    return STR


def to_int(value: str) -> int:
    """An integer as Ruby's ``Integer()`` reads what safe_yaml hands it."""
    digits = _integer_text(value)
    if _DECIMAL.fullmatch(digits):
        if len(digits.lstrip("+-")) > MAX_DIGITS:
            raise NumberTooLarge(value)
        return int(digits)
    sign = -1 if digits.startswith("-") else 1
    unsigned = digits.lstrip("+-")
    if _OCTAL.fullmatch(unsigned):
        number = int(unsigned, 8)
    elif unsigned[:2] in ("0x", "0X"):
        number = int(unsigned[2:], 16)
    elif unsigned[:2] == "0b":
        number = int(unsigned[2:], 2)
    else:
        raise ValueError(f"not an integer: {value!r}")
    if number.bit_length() > _MAX_BITS:
        raise NumberTooLarge(value)
    return sign * number


def _sexagesimal(value: str) -> float:
    """parse/sexagesimal.rb, sign handling included: the first part keeps its sign *and* the
    whole is negated after, so Jekyll reads ``-1:30`` as 30.0."""
    whole, _dot, fraction = value.partition(".")
    total, multiplier = 0.0, 1.0
    for part in reversed(whole.split(":")):
        total += float(part) * multiplier
        multiplier *= 60.0
    if fraction:
        total += float("." + fraction)
    return -total if value.startswith("-") else total


def to_float(value: str) -> float:
    """A float as safe_yaml builds it. Raises ``ValueError`` where Ruby's ``Float()`` does
    (``1__0.5``, ``._5``): Jekyll then cannot read the front matter either."""
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    if _FLOAT.fullmatch(value):
        return float(value)  # Python and Ruby both take '_' between digits only
    if _SEXAGESIMAL_FLOAT.fullmatch(value):
        return _sexagesimal(value)
    return _sexagesimal(_integer_text(value))


def to_bool(value: str) -> bool:
    return _BOOLEANS[value.lower()]
