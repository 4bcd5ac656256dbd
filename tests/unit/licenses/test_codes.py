import itertools
import math

import pytest

from services.licenses.codes import (ALPHABET, CODE_LENGTH, MalformedCode, MistypedCode, RANDOM_LENGTH, display,
                                     generate_code, normalize)


def test_codes_carry_at_least_80_random_bits_and_are_all_different():
    assert RANDOM_LENGTH * math.log2(len(ALPHABET)) >= 80
    codes = {generate_code() for _ in range(5000)}
    assert len(codes) == 5000
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) for code in codes)


def test_the_alphabet_has_no_letters_that_read_as_others():
    assert not set("ILOU") & set(ALPHABET)


def test_a_code_is_accepted_in_any_case_with_or_without_spaces_and_dashes():
    code = generate_code()
    shown = display(code)
    assert shown.count("-") == 3
    for typed in (shown, shown.lower(), code, " ".join(shown.split("-")), f"  {shown.lower()}  "):
        assert normalize(typed) == code


def test_letters_people_confuse_with_digits_are_read_as_the_digits():
    code = generate_code()
    typed = code.replace("0", "O").replace("1", "I")
    assert normalize(typed) == code


def test_every_single_mistyped_character_is_caught_as_a_typo():
    code = generate_code()
    for position, wrong in itertools.product(range(CODE_LENGTH), ALPHABET):
        if wrong == code[position]:
            continue
        typo = code[:position] + wrong + code[position + 1:]
        with pytest.raises(MistypedCode):
            normalize(typo)


@pytest.mark.parametrize("typed", ["", "ABC", "U" * CODE_LENGTH, "!" * CODE_LENGTH, "A" * (CODE_LENGTH + 1)])
def test_text_not_shaped_like_a_code_is_malformed(typed):
    with pytest.raises(MalformedCode):
        normalize(typed)
