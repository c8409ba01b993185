"""Language identification: a script count decides clear cases; lingua, loaded with only the
languages marsad supports (low-accuracy mode, a few MB), decides the rest."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["SUPPORTED", "detect_language"]

SUPPORTED = ("ar", "en")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
#: Share of letters in one script above which no statistical model is asked: Arabic news
#: quotes Latin names and acronyms, English news never has Arabic runs this long.
SCRIPT_SHARE_DECISIVE = 0.8
#: Below this many letters there is not enough evidence to name a language.
MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder
    return (LanguageDetectorBuilder.from_languages(Language.ARABIC, Language.ENGLISH)
            .with_low_accuracy_mode().build())


def detect_language(text: str) -> str | None:
    """``ar``, ``en`` or None when the text has too few letters to tell."""
    sample = text[:4000]
    ar = len(_ARABIC.findall(sample))
    la = len(_LATIN.findall(sample))
    total = ar + la
    if total < MIN_LETTERS:
        return None
    if ar / total >= SCRIPT_SHARE_DECISIVE:
        return "ar"
    if la / total >= SCRIPT_SHARE_DECISIVE:
        return "en"
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return "ar" if ar >= la else "en"
    return {"ARABIC": "ar", "ENGLISH": "en"}.get(lang.name)
