"""Who said what: direct quotes (« », " ", “ ”), indirect speech (قال/أضاف/أكد ... إن/أن)
and attributions (وفقا لـ, بحسب), with the speaker resolved to an actor.

The speaker is the actor mention next to the reporting verb: before it (SVO: المتحدث ...
جون كيربي، قال) or right after it (VSO: وقال كيربي). A verb with no subject of its own
(وأضاف, مضيفا, وتابع) or a title alone (وقال المتحدث) refers back to the last speaker
named within the previous two sentences. Quote text offsets exclude the cue and the marks.
Vocabulary: ``resources/ar/cues.yaml``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.matcher import Matcher
from ..lang.normalize import norm
from ..model import Actor, Quote
from ..resources import load_yaml

__all__ = ["find_quotes"]

#: Tokens between a reporting verb and the quote or complementizer it introduces.
CUE_GAP_TOKENS = 6
#: A speaker named this many sentences back can be referred to by a pronoun or title.
COREF_SENTENCES = 2
MIN_QUOTE_WORDS = 3
_SPEAKER_KINDS = frozenset({"person", "unknown-person", "org", "agent", "country", "capital"})


@dataclass
class _Cues:
    verbs: Matcher[str]            # value: verb | participle
    complementizers: frozenset[str]
    according: Matcher[str]
    marks: dict[str, str]
    name_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_yaml("ar", "cues.yaml")
    verbs: Matcher[str] = Matcher()
    for q in data.get("quote_verbs") or []:
        form, kind = (q["form"], q.get("kind", "verb")) if isinstance(q, dict) else (q, "verb")
        verbs.add(str(form), str(kind), verb=True, suffixes=("", "ه", "ها", "هم", "ا"))
    acc: Matcher[str] = Matcher()
    for w in data.get("according_to") or []:
        if len(norm(str(w))) >= 2:
            acc.add(str(w), "according")
    comps = {norm(str(w)) for w in data.get("complementizers") or []}
    comps |= {"ان", "انه", "انها", "انهم"}  # إن forms normalise like أن
    verbs.build()
    acc.build()
    return _Cues(verbs, frozenset(comps), acc, dict(data.get("quote_marks") or {}),
                 frozenset(norm(str(w)) for w in data.get("name_nouns") or []))


def _speaker_near(ann, mentions, vstart: int, vend: int, sent: tuple[int, int],
                  comps: frozenset[str]):
    """Mention before the verb (same clause, ≤ 8 tokens) or right after it (≤ 3 tokens,
    never past a complementizer: in موضحا أن التنظيم خسر the organisation is not speaking)."""
    s = ann.nt.text
    best = None
    after = None
    for x in mentions:
        if x.kind not in _SPEAKER_KINDS:
            continue
        if sent[0] <= x.nstart and x.nend <= vstart:
            gap = s[x.nend:vstart]
            if len(gap.split()) <= 8 and not re.search(r"[.;:!?\"«»]", gap):
                best = x
        elif vend <= x.nstart < sent[1]:
            gap = s[vend:x.nstart]
            if len(gap.split()) <= 3 and not re.search(r"[,.;:!?\"«»]", gap) \
                    and not any(w in comps for w in gap.split()):
                after = x
            break
    # SVO when the subject stands right before the verb (كيربي، قال / ماكغورك أخبر),
    # else VSO (وقال كيربي، حيث ذكر بيان الرئاسة), else a subject further back
    if best is not None and not s[best.nend:vstart].replace(",", " ").split():
        return best
    return after or best


def find_quotes(ann) -> list[Quote]:
    cues = _cues()
    nt = ann.nt
    s = nt.text
    mentions = ann.mentions
    sent_n = [(_npos(nt, a), _npos(nt, b)) for a, b in ann.sentences]
    sent_starts = [a for a, _ in sent_n]
    quotes: list[Quote] = []
    last_speaker: tuple[int, object] | None = None  # (sentence index, mention)
    taken: list[tuple[int, int]] = []

    def resolve(vm, si: int):
        nonlocal last_speaker
        s = nt.text
        sp = _speaker_near(ann, mentions, vm.nstart - len(vm.prefix), vm.nend, sent_n[si],
                           cues.complementizers)
        if vm.value == "participle" and last_speaker is not None \
                and si - last_speaker[0] <= COREF_SENTENCES:
            sp = last_speaker[1]  # مضيفا, موضحا: the subject of the clause before
        elif vm.value != "participle" and (sp is None or sp.nstart < vm.nstart):
            # وقال رضا نوراني، إن / وأكد المري أن: a name right after the verb that the
            # dictionary does not know is still the speaker (VSO beats an earlier mention)
            named = _name_after_verb(ann, vm.nend, sent_n[si][1], cues.complementizers)
            if named is not None and (sp is None or s[sp.nend:vm.nstart].strip()):
                sp = named
        if sp is not None and sp.kind == "agent" and last_speaker is not None \
                and si - last_speaker[0] <= COREF_SENTENCES and last_speaker[1].kind == "person":
            sp = last_speaker[1]  # وقال المتحدث: the title refers back to the named speaker
        if sp is None and last_speaker is not None and si - last_speaker[0] <= COREF_SENTENCES:
            sp = last_speaker[1]
        if sp is None:  # وأضاف with no speaker yet: the last person named just before,
            # outside what was quoted (a person quoted about is not the one speaking)
            sp = next((x for x in reversed(mentions) if x.kind in ("person", "unknown-person")
                       and sent_n[max(0, si - COREF_SENTENCES)][0] <= x.nstart < vm.nstart
                       and not any(a <= x.nstart < b for a, b in taken)), None)
        if sp is None:  # مضيفة / وأوضح far from its subject: the sentence's first speaker
            sp = next((x for x in mentions if x.kind in _SPEAKER_KINDS
                       and sent_n[si][0] <= x.nstart < vm.nstart
                       and not any(a <= x.nstart < b for a, b in taken)), None)
        if sp is not None:
            last_speaker = (si, sp)
        return sp

    for vm in cues.verbs.find(nt):
        si = bisect.bisect_right(sent_starts, vm.nstart) - 1
        if si < 0:
            continue
        sa, sb = sent_n[si]
        rest = s[vm.nend:]
        # 1. a quote mark within a few tokens: direct speech
        mq = re.match(r"[^«\"“\n.?!]{0,80}?([«\"“])", rest)
        text_span = None
        kind = "direct"
        if mq and len(rest[:mq.start(1)].split()) <= CUE_GAP_TOKENS and \
                not _closes_a_quote(nt, vm.nend + mq.start(1), mq.group(1)) and \
                not _names_a_title(rest[:mq.start(1)], cues.name_nouns):
            open_at = vm.nend + mq.start(1) + 1
            close_ch = {"«": "»", '"': '"', "“": "”"}[mq.group(1)]
            para_end = _para_end(nt, open_at)
            close_at = s.find(close_ch, open_at, para_end)
            # an unclosed quote runs to the end of its paragraph
            text_span = (open_at, close_at if close_at >= 0 else para_end)
        else:
            # the complementizer may follow an addressee: قال للصحفيين إن, أخبر أعضاء الحلف أن
            mc = None
            for mw in re.finditer(r"\w+", rest[:80]):
                if rest[:mw.start()].count(" ") > CUE_GAP_TOKENS - 2 or \
                        re.search(r"[.;:!?\"«»]", rest[:mw.start()].replace(":", "", 1)):
                    break
                if mw.group(0) in cues.complementizers:
                    mc = mw
                    break
            if mc is not None:
                kind = "indirect"
                begin = vm.nend + mc.end()
                while begin < sb and s[begin] == " ":
                    begin += 1
                text_span = (begin, sb)
        if text_span is None:
            continue
        a, b = text_span
        while b > a and s[b - 1] in " .،,:;\"»”":
            b -= 1
        if len(s[a:b].split()) < MIN_QUOTE_WORDS:
            continue
        if any(a < tb and ta < b for ta, tb in taken) and kind == "indirect":
            continue
        sp = resolve(vm, si)
        if sp is not None:  # a pronoun after a long quote refers to its speaker: count the
            # sentences from where the quote ends
            last_speaker = (bisect.bisect_right(sent_starts, max(a, b - 1)) - 1, sp)
        oa, ob = nt.span(a, b)
        taken.append((a, b))
        quotes.append(Quote(_actor(sp), nt.original[oa:ob], oa, ob, kind))
    # attributions: "... وفقا لـ X" / "بحسب X": the clause before the cue, X the speaker
    for am in cues.according.find(nt):
        si = bisect.bisect_right(sent_starts, am.nstart) - 1
        if si < 0:
            continue
        sa, sb = sent_n[si]
        after = [x for x in mentions if am.nend <= x.nstart < min(sb, am.nend + 40)
                 and x.kind in _SPEAKER_KINDS]
        if not after:
            continue
        a = sa
        b = am.nstart - len(am.prefix)
        while b > a and s[b - 1] in " ،,":
            b -= 1
        if len(s[a:b].split()) < MIN_QUOTE_WORDS or any(a < tb and ta < b for ta, tb in taken):
            continue
        oa, ob = nt.span(a, b)
        quotes.append(Quote(_actor(after[0]), nt.original[oa:ob], oa, ob, "according_to"))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _name_after_verb(ann, pos: int, end: int, comps: frozenset[str]):
    """Unknown-person speaker: 1-3 name tokens right after a reporting verb, ended by a
    complementizer, a colon, a comma or a quote mark (وقال رضا نوراني، إن ...)."""
    from ..entities.recognize import MAX_NAME_TOKENS, Mention, _words
    s = ann.nt.text
    m = re.match(r"\s+((?:[^\W\d_]+\s*){1,%d}?)\s*(?=[:,«\"“]|(?:%s)(?!\w))"
                 % (MAX_NAME_TOKENS, "|".join(sorted(comps, key=len, reverse=True))),
                 s[pos:min(end, pos + 60)])
    if not m:
        return None
    words = m.group(1).split()
    stop = _words().stop
    if not words or any(w in stop or w[:1] in "لب" and w[1:] in stop for w in words):
        return None
    if len(words) == 1 and not words[0].startswith("ال"):
        return None  # قالت مازحة: a lone indefinite word is a manner adverb, not a name
    if any(x.nstart < pos + m.end(1) and x.nend > pos + m.start(1) for x in ann.mentions):
        return None  # a known mention there is handled by the dictionary path
    a, b = ann.nt.span(pos + m.start(1), pos + m.start(1) + len(m.group(1).rstrip()))
    text = ann.nt.original[a:b]
    return Mention(a, b, pos + m.start(1), pos + m.start(1) + len(m.group(1).rstrip()),
                   "PERSON", "unknown-person", text, None, None, None, text)


def _names_a_title(lead: str, name_nouns: frozenset[str]) -> bool:
    """Quote marks right after ل or a noun such as وكالة / صحيفة / قناة enclose a name
    (لـ"سكاي نيوز عربية", وكالة "رويترز"), not speech."""
    words = lead.split()
    if not words:
        return False
    last = words[-1]
    return last in ("ل", "لـ") or last in name_nouns or (last[:1] == "ل" and last[1:] in name_nouns)


def _closes_a_quote(nt, pos: int, mark: str) -> bool:
    """Is the straight quote at normalised ``pos`` the closing one of a quote opened
    earlier in its paragraph (an odd number of them before it)? Paragraphs are read in the
    original text: normalisation turns line breaks into spaces."""
    if mark != '"':
        return False
    text = nt.original
    opos = nt.orig(pos)
    para = text.rfind("\n", 0, opos) + 1
    return text.count('"', para, opos) % 2 == 1


def _para_end(nt, pos: int) -> int:
    """Normalised offset of the end of the paragraph containing normalised ``pos``."""
    text = nt.original
    end = text.find("\n", nt.orig(pos))
    if end < 0:
        return len(nt.text)
    return _npos(nt, end)


def _actor(x) -> Actor | None:
    return x.actor() if x is not None else None


def _npos(nt, orig_pos: int) -> int:
    if nt.index is None:
        return orig_pos
    return bisect.bisect_left(nt.index, orig_pos)
