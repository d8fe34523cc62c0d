"""A structural reader of PowerShell for tests (PowerShell itself is not installed here): splits a script
into code and the parts that are not code (comments, strings), checks that brackets pair up, and tells
which blocks each line sits in, so a test can ask "is this change only made when -Apply was given?"."""

from __future__ import annotations

from dataclasses import dataclass

_PAIRS = {")": "(", "}": "{", "]": "["}
# PowerShell takes the typographic single quotes as single quotes too.
_SINGLE = "'\u2018\u2019\u201a\u201b"


class ScriptShapeError(AssertionError):
    """The script is not well formed: an unclosed string or comment, or brackets that do not pair."""


@dataclass(frozen=True)
class Call:
    """Where a name occurs in the code (not in a comment or string) and the headers of the blocks around it."""

    line: int
    name: str
    blocks: tuple[str, ...]


def strip_script(text: str) -> str:
    """TEXT with comments removed and string contents replaced by spaces (quotes kept), same line breaks."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if text.startswith("<#", i):
            end = text.find("#>", i + 2)
            if end < 0:
                raise ScriptShapeError("a block comment <# is never closed")
            out.append("".join("\n" if c == "\n" else " " for c in text[i : end + 2]))
            i = end + 2
        elif ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            i = end
        elif ch in _SINGLE:
            j = i + 1
            while True:
                if j >= n:
                    raise ScriptShapeError(f"a single-quoted string at offset {i} is never closed")
                if text[j] in _SINGLE:
                    if j + 1 < n and text[j + 1] in _SINGLE:  # '' is a quote inside the string
                        j += 2
                        continue
                    break
                j += 1
            out.append("'" + "".join("\n" if c == "\n" else " " for c in text[i + 1 : j]) + "'")
            i = j + 1
        elif ch == '"':
            j = i + 1
            while True:
                if j >= n:
                    raise ScriptShapeError(f"a double-quoted string at offset {i} is never closed")
                if text[j] == "`":  # the escape character
                    j += 2
                    continue
                if text[j] == '"':
                    break
                j += 1
            out.append('"' + "".join("\n" if c == "\n" else " " for c in text[i + 1 : j]) + '"')
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def find_calls(text: str, names: tuple[str, ...]) -> list[Call]:
    """Each occurrence of one of NAMES in the code, with the text before each enclosing '{' on its line
    (for `if ($Apply) {` that is "if ($Apply)"). ScriptShapeError when brackets do not pair."""
    stripped = strip_script(text.replace("\r\n", "\n"))
    lowered = stripped.lower()
    stack: list[tuple[str, str, int]] = []  # (bracket, header text before it, line)
    found: list[Call] = []
    line, line_start = 1, 0
    for index, ch in enumerate(stripped):
        if ch == "\n":
            line, line_start = line + 1, index + 1
            continue
        for name in names:
            before = lowered[index - 1] if index else " "
            if lowered.startswith(name.lower(), index) and not (before.isalnum() or before in "-_"):
                blocks = tuple(header for bracket, header, _ in stack if bracket == "{")
                found.append(Call(line, name, blocks))
        if ch in "({[":
            stack.append((ch, stripped[line_start:index].strip(), line))
        elif ch in ")}]":
            if not stack or stack[-1][0] != _PAIRS[ch]:
                raise ScriptShapeError(f"line {line}: {ch!r} closes nothing open")
            stack.pop()
    if stack:
        bracket, _, open_line = stack[-1]
        raise ScriptShapeError(f"line {open_line}: {bracket!r} is never closed")
    return found


def param_block(text: str) -> str:
    """The text of the script's param(...) block, which must be its first statement."""
    stripped = strip_script(text.replace("\r\n", "\n")).lstrip("\ufeff").lstrip()
    if not stripped.lower().startswith("param("):
        raise ScriptShapeError("the script does not start with a param(...) block")
    depth = 0
    for index, ch in enumerate(stripped):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return stripped[: index + 1]
    raise ScriptShapeError("the param block is never closed")
