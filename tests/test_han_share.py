"""seedie.text.invisible.han_share: the share of Han characters among the letters."""

from __future__ import annotations

import random

import pytest

from seedie.text.invisible import han_share


def _reference(text: str) -> tuple[float, int]:
    """The definition, character by character."""
    letters = han = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
                han += 1
    return (han / letters if letters else 1.0), letters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (1.0, 0)),
        ("2025，。！", (1.0, 0)),  # no letters: counted as all Chinese
        ("比亚迪 BYD", (0.5, 6)),
        ("贵州省党政代表团", (1.0, 8)),
        ("\u3400\u4dbf\u4e00\u9fff", (1.0, 4)),  # both ends of both blocks
        ("\u4dc0\ua000", (0.0, 1)),  # just outside: a hexagram sign (no letter), a Yi syllable
        ("𠀀abc", (0.0, 4)),  # Extension B is not counted as Han (as before)
        ("Ünïcode 名", (0.125, 8)),
    ],
)
def test_cases(text: str, expected: tuple[float, int]) -> None:
    assert han_share(text) == expected == _reference(text)


def test_same_as_the_definition_on_random_text() -> None:
    rnd = random.Random(7)
    pools = [(0x20, 0x3000), (0x3300, 0x4E10), (0x9FF0, 0xA100), (0x10000, 0x20100)]
    for _ in range(2000):
        text = "".join(chr(rnd.randrange(*rnd.choice(pools))) for _ in range(rnd.randrange(0, 30)))
        assert han_share(text) == _reference(text), text


def test_every_han_character_is_a_letter() -> None:
    # han_share counts the Han blocks by range and the rest with str.isalpha: that adds up
    # to the number of letters only while every character of the blocks is one.
    blocks = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]
    assert all(chr(c).isalpha() for c in blocks)
