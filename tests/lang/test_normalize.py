from marsad.lang import normalize, split_sentences
from marsad.lang.normalize import norm


def test_folds_hamza_ta_marbuta_alef_maqsura_and_digits():
    assert norm("أإآ ة ى ٣٤") == "ااا ه ي 34"


def test_offsets_map_back_through_deleted_diacritics_and_spaces():
    text = "قُتِلَ  جنديّ في الموصل"
    n = normalize(text)
    assert n.text == "قتل جندي في الموصل"
    i = n.text.index("الموصل")
    a, b = n.span(i, i + len("الموصل"))
    assert text[a:b] == "الموصل"


def test_sentences_do_not_break_decimals():
    text = "ارتفع المؤشر 1.24 نقطة. ثم تراجع؟ نعم\nسطر آخر"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["ارتفع المؤشر 1.24 نقطة.", "ثم تراجع؟", "نعم",
                                             "سطر آخر"]
