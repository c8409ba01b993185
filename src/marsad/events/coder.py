"""The Arabic PLOVER event coder: triggers -> events with actors, date, place, event-ness.

For each sentence:
1. triggers:   dictionary matches (verbs with their proclitics/pronouns, verbal nouns,
               phrases), kept only when their constraints hold (``requires``) and no
               metaphor cancels them (``exclude``); generic uses (مكافحة الإرهاب) dropped.
2. clause:     the trigger's clause, bounded by punctuation and by complementizers, so that
               in قالت الشرطة إن مسلحين هاجموا ... the attack's actor is مسلحين, not الشرطة.
3. arguments:  SVO (a mention just before the verb) or VSO (the first mention after it);
               passive voice and nouns take the following mention as recipient, and the
               actor from على يد / من قبل / a nisba (غارة أمريكية) / a ل-phrase;
               prepositions declared in the entry (على, ضد) give recipients; the dative ل
               gives the recipient of AID-like types; civilians alone are victims.
4. event-ness: negation and denial, conditions, questions, future/intent, modality.
5. date:       explicit date of the clause or sentence, else a relative one, else the
               publication date; ``historical`` when well before publication.
6. place:      the place the clause attaches to the event (a locative preposition or a
               place noun first), else the nearest place of the sentence, else the dateline.
Events of one type in one sentence are one event (مقتل ... في غارة = one ASSAULT).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..lang.matcher import Match
from ..lang.normalize import norm
from ..resources import load_yaml
from ..model import Actor, DateValue, Event, Place, Trigger as TriggerSpan
from ..time.relative import parse_published, resolve_relative
from .lexicon import QUAD, EventLexicon, Trigger, event_lexicon

__all__ = ["code_events", "EMIT_MIN_CONFIDENCE", "EMIT_MIN_CONFIDENCE_VERBAL", "emit_threshold",
           "HISTORICAL_DAYS"]

#: Events below this confidence are not emitted. Swept 0.45–0.65 on the ar_gsr dev half:
#: 0.5 gives the best F1 for PROTEST and near-best for ASSAULT (0.55 trades PROTEST recall).
EMIT_MIN_CONFIDENCE = 0.5
#: Demands, accusations, refusals and threats (verbal conflict) carry no counts and seldom a
#: day of their own, so the specificity factors leave them lower. 0.4 was swept on the
#: ar_articles dev half (loose F1 0.46 -> 0.49); 40 corpus events in the 0.4-0.5 band read
#: by hand were right for 25 of 29 demands, accusations, refusals and threats, but for only
#: 2 of 11 meetings and agreements, so verbal cooperation keeps 0.5.
EMIT_MIN_CONFIDENCE_VERBAL = 0.4


def emit_threshold(event_type: str) -> float:
    return EMIT_MIN_CONFIDENCE_VERBAL if QUAD[event_type] == "verbal conflict" \
        else EMIT_MIN_CONFIDENCE
#: Evidence that a sentence reports one concrete happening rather than talking about a kind
#: of act: a count next to the trigger, a day (أمس, الأحد, 12 مارس), a place, a participant.
#: With none of them the trigger is most often a topic, an opinion or background.
NO_SPECIFICS_FACTOR = 0.55
#: With a place or a participant but neither a count nor a day, a report is still less
#: likely to be news of the day (dev: precision 0.33 against 0.56–0.72 with either).
NO_COUNT_NO_DAY_FACTOR = 0.8
#: A verb form right after a preposition or a governing noun is its verbal noun (في قتل,
#: محاولة خطف): a reference to the act, not a report of it.
GOVERNED_FACTOR = 0.6
#: A definite verbal noun (الهجوم, التفجير) mostly refers back to an event already reported.
DEFINITE_NOUN_FACTOR = 0.7
#: An act named as the topic of an accusation, inquiry, trial, plan or attempt
#: (بتهمة قتل, صلتهم بالهجوم, خطط لشن ضربات) is referred to, not reported.
REFERENCE_FACTOR = 0.55
REFERENCE_WINDOW = 30  # words: in effect the clause before the trigger
#: An actor whose sector rarely performs the type (police "gathering" is deployment).
UNLIKELY_ACTOR_FACTOR = 0.5
#: Words between a targeting verb (استهدف) and the party it names as target; the subject
#: may stand between them (استهدف هجوم انتحاري بسيارة مفخخة أمس موكبا لسفارة ...).
TARGET_WINDOW = 8
#: A trigger joined by و to another verbal noun of violence (خطف وقتل) names kinds of act;
#: one counted per period (130 تفجيرا شهريا) is a statistic.
ENUMERATION_FACTOR = 0.55
#: Inside quotation marks a trigger is usually someone's opinion or warning.
QUOTED_FACTOR = 0.75
#: A year, decade or century named in the clause marks background narrative.
BACKGROUND_FACTOR = 0.6
#: A trigger inside a relative clause (الذي اغتيل ...) is a participant's background.
RELATIVE_FACTOR = 0.6
#: Tokens before a verbal noun in which a light verb (شن, قدم, حقق) makes it the object of
#: a reported act (وقدم التحالف التدريب: verb, subject, noun).
LIGHT_VERB_WINDOW = 6
#: ... and such a verb (شن هجوما, بدأ هجماته) asserts that the act was carried out.
LIGHT_VERB_BOOST = 1.15
#: A verbal noun with neither a day nor a count beside it names a kind of act more often
#: than it reports one.
BARE_NOUN_FACTOR = 0.7
#: An event dated this many days or more before publication is ``historical``.
HISTORICAL_DAYS = 60
#: How far (in tokens) a pre-verbal subject or a post-verbal argument may be.
SUBJECT_WINDOW = 4
OBJECT_WINDOW = 7
#: How far (characters) a date in another clause of the sentence may be from the trigger
#: and still date it; beyond that the sentence has moved on to another happening.
SENTENCE_DATE_REACH = 80
#: Window (tokens) before a trigger in which a negation / intent / modal cue governs it.
CUE_WINDOW = 3
#: Words between a verb of prevention and the act it prevented (منعت قوات الأمن أمس تظاهرة).
PREVENTION_WINDOW = 8

_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_QUOTE_OPEN = {"«": "»", "\"": "\"", "“": "”"}
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]«»\"“”.!?]")
_CLAUSE_WORDS = frozenset(norm(w) for w in (
    "إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "فيما", "بينما", "حيث",
    "الذي", "التي", "الذين", "لكن", "لكنه", "غير أن", "كما", "بعدما", "عندما", "حين", "حينما",
    "وقال", "وقالت", "قال", "قالت", "وأضاف", "وأضافت", "مضيفا", "مشيرا", "موضحا"))
_AGENT_PREPS = (norm("على يد"), norm("من قبل"), norm("برصاص"), norm("بنيران"), norm("بيد"))
_VICTIM_SECTORS = frozenset({"CVL", "REF", "MED", "EDU", "HLH", "REL", "LAB"})
#: Types whose patient is a victim: there a count or civilians right after an unvocalised
#: perfect verb make it passive.
_VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Sectors of the people who protest (a crowd named anywhere in the sentence is the actor)
_PROTESTER_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REF", "MED", "REL"})
#: Sectors of the state: an unnamed police, army or government acting where an event
#: happens is that country's (ACLED codes local forces the same way)
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_DATIVE_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT", "CONCEDE", "REQUEST", "AGREE"})


@dataclass
class _Tok:
    start: int  # normalised
    end: int
    word: str


@dataclass
class _Cand:
    trig: Match[Trigger]
    t: Trigger
    sent: tuple[int, int]
    actor: object | None = None
    recipient: object | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.0
    mode: str | None = None
    background: bool = False


class _SentenceCoder:
    def __init__(self, lex: EventLexicon, ann, published: date | None) -> None:
        self.lex = lex
        self.ann = ann
        self.nt = ann.nt
        self.s = ann.nt.text
        self.published = published
        self.mentions = ann.mentions
        self.m_starts = [m.nstart for m in self.mentions]
        self._toks = [_Tok(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(self.s)]
        self._tok_starts = [t.start for t in self._toks]
        self._victim_units: list | None = None

    # -- helpers --------------------------------------------------------------------------
    def tokens(self, a: int, b: int) -> list[_Tok]:
        """Word tokens inside normalised [a, b), from one tokenisation of the document."""
        toks = self._toks
        i = bisect.bisect_left(self._tok_starts, a)
        if i > 0 and toks[i - 1].end > a:
            i -= 1  # a word cut by the range start keeps its part inside the range
        out = []
        while i < len(toks) and toks[i].start < b:
            t = toks[i]
            if t.start >= a and t.end <= b:
                out.append(t)
            else:
                ta, tb = max(t.start, a), min(t.end, b)
                if tb > ta:
                    out.append(_Tok(ta, tb, self.s[ta:tb]))
            i += 1
        return out

    def mentions_in(self, a: int, b: int) -> list:
        i = bisect.bisect_left(self.m_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].nstart < b:
            if self.mentions[i].nend <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def clause(self, sa: int, sb: int, ta: int, tb: int) -> tuple[int, int]:
        """Normalised bounds of the trigger's clause inside sentence [sa, sb)."""
        s = self.s
        left = sa
        for m in _CLAUSE_PUNCT.finditer(s, sa, ta):
            left = max(left, m.end())
        for tok in self.tokens(left, ta):
            if tok.word in _CLAUSE_WORDS or tok.word[1:] in _CLAUSE_WORDS:
                left = tok.end
        right = sb
        m = _CLAUSE_PUNCT.search(s, tb, sb)
        if m:
            right = m.start()
        for tok in self.tokens(tb, right):
            if tok.word in _CLAUSE_WORDS or (tok.word[:1] in "وف" and tok.word[1:] in _CLAUSE_WORDS):
                right = tok.start
                break
        return left, right

    def words_before(self, a: int, pos: int, n: int) -> list[str]:
        return [t.word for t in self.tokens(a, pos)][-n:]

    def words_after(self, pos: int, b: int, n: int) -> list[str]:
        return [t.word for t in self.tokens(pos, b)][:n]

    @staticmethod
    def _in(words: list[str], cues: frozenset[str]) -> bool:
        """Does any word, with or without its proclitics (و ف ب ل ك, لل = ل + ال), belong
        to ``cues``, or do consecutive words spell one of its phrases (انقلاب حافلة)?"""
        stems = [_stems(w) for w in words]
        for st in stems:
            for stem in st:
                if stem in cues:
                    return True
        phrases = _phrases_of(cues)
        if phrases and len(words) > 1:
            text = " " + " ".join(st[1] if len(st) > 1 else st[0] for st in stems) + " "
            raw = " " + " ".join(words) + " "
            return any(p in text or p in raw for p in phrases)
        return False

    def _phrase_before(self, key: str, a: int, pos: int) -> bool:
        text = " " + " ".join(self.words_before(a, pos, 6)) + " "
        return any(" " + " ".join(p) + " " in text for p in self.lex.cue_phrases.get(key, ())
                   if len(p) > 1)

    # -- constraints ----------------------------------------------------------------------
    def constraints_ok(self, c: _Cand, ca: int, cb: int) -> bool:
        t, m = c.t, c.trig
        sets = self.lex.sets.get(t.lexicon, {})
        after3 = self.words_after(m.nend, cb, 3)
        # requirements look past a post-verbal subject and a time word (VSO: أفرجت السلطات
        # الإيرانية أمس عن ..., وقعت الحكومة والحركة أمس اتفاقا)
        skipped = self._skip_subject(m.nend, cb)
        after4 = self.words_after(m.nend, cb, 4)
        req3, req4 = after3 + skipped[:3], after4 + skipped[:4]  # either window will do
        for x in t.exclude:
            if self._in(after3, sets[x]):
                return False
        for r in t.requires:
            kind, _, arg = r.partition(":")
            if kind == "object":
                if not self.mentions_in(m.nend, min(cb, m.nend + 60)):
                    return False
            elif kind == "prep":
                p = norm(arg)
                if not any(w == p or w.startswith(p) and len(p) == 1 for w in req3):
                    return False
            elif kind == "with":
                if not self._in(req4, sets[arg]):
                    return False
            elif kind == "not_before_place":
                nxt = self.mentions_in(m.nend, min(cb, m.nend + 40))
                if nxt and nxt[0].kind == "place" and not self.tokens(
                        m.nend, nxt[0].nstart - len(self._prefix_of(nxt[0]))):
                    return False  # مقاطعة روستوف: a province, not a boycott
            elif kind == "not_in_sentence":
                if self._in([tok.word for tok in self.tokens(*c.sent)
                             if not m.nstart <= tok.start < m.nend], sets[arg]):
                    return False
            elif kind in ("near", "not_near"):
                found = self._in([tok.word for tok in self.tokens(ca, cb) if kind == "near"
                                  or not m.nstart <= tok.start < m.nend], sets[arg])
                if found != (kind == "near"):
                    return False
        return True

    def _skip_subject(self, pos: int, cb: int) -> list[str]:
        """Words after ``pos`` in the clause, without those of the first actor mentions
        (and the conjunctions joining them) and of relative time words."""
        toks = self.tokens(pos, cb)
        spans = [(x.nstart - len(self._prefix_of(x)), x.nend)
                 for x in self.mentions_in(pos, cb) if x.place is None or x.kind != "place"]
        rel = resolve_relative(self.s[pos:cb], self.published or date(2000, 1, 1))
        spans += [(pos + r.nstart, pos + r.nend) for r in rel]
        out = []
        for tok in toks:
            if any(a <= tok.start < b for a, b in spans):
                continue
            out.append(tok.word)
        return out

    # -- event-ness -----------------------------------------------------------------------
    def eventness(self, c: _Cand, sa: int, sb: int, ca: int) -> None:
        m = c.trig
        lex = self.lex
        start = m.nstart - len(m.prefix)
        before = self.words_before(ca, start, CUE_WINDOW)
        if self._in(before, lex.cues["negation"]) and not self._negation_exception(
                before, start, c.sent[1]):
            c.negated = True
        if self._in(self.words_before(sa, start, 12), lex.cues["denial_verbs"]):
            c.negated = True
        if c.t.pos != "verb" and self._prevented(sa, start):
            c.negated = True  # منعت الشرطة تظاهرة, إحباط هجوم: prevented, did not happen
        if self._in(self.words_before(sa, start, 12), lex.cues["conditional"]) or \
                self._phrase_before("conditional", sa, start):
            c.hypothetical = True
        clause_before = [tok.word for tok in self.tokens(ca, start)]
        if not clause_before and m.prefix.startswith("و") and c.t.voice == "noun":
            # ..., ومقاطعة المنتجات: a noun joined by و across a comma continues the list of
            # the clause before (طالب المتظاهرون بقطع العلاقات، ومقاطعة المنتجات)
            clause_before = [tok.word for tok in self.tokens(sa, start)]
        # a demand, threat, accusation, refusal or praise is itself the act: words of intent
        # or planning before it (حذر ... ودعا, هدد ... وطالب) do not make it hypothetical
        intended = c.t.event_type not in _SPEECH_ACTS and (
            self._in(clause_before, lex.cues["intent"])
            or self._in(clause_before, lex.cues["irrealis_frames"])
            or self._phrase_before("irrealis_frames", ca, start))
        if "س" in m.prefix or self._in(clause_before, lex.cues["future"]) or intended or \
                self._in([w for w in clause_before if w != "قد"], lex.cues["modal"]) or \
                self._phrase_before("future", ca, start) or self._phrase_before("modal", ca, start):
            c.hypothetical = True  # future, intent or modality governs the clause
        imperfect = (c.t.pos == "verb" or c.t.pos == "phrase" and c.t.voice != "noun") \
            and self.s[m.nstart:m.nstart + 1] in "يتن"
        if before[-1:] == ["قد"] and imperfect:
            c.hypothetical = True  # قد + imperfect = may (قد + perfect = has already)
        if any(a == "قد" and b[:1] in "يتن" for a, b in zip(clause_before, clause_before[1:])):
            c.hypothetical = True  # قد يعيدون تنظيم أنفسهم ويشنون هجمات: all in the "may"
        lead = self.words_before(sa, ca, 4)
        if lead and lead[-1] in ("ان", "بان") and (
                self._in(lead[:-1], lex.cues["irrealis_frames"])
                or self._in(lead[:-1], lex.cues["intent"]) and c.t.event_type not in _SPEECH_ACTS):
            c.hypothetical = True  # مخاوف من أن يحاول مهاجم انتحاري: the feared act
        if m.prefix.endswith("ل") and not m.prefix.endswith("لل") and (
                c.t.pos == "verb" and self.s[m.nstart:m.nstart + 1] in "يتن"
                or c.t.pos == "phrase" and c.t.voice != "noun"):
            c.hypothetical = True  # ليقتل, لشن هجوم: purpose, an act intended
        sent = self.s[sa:sb]
        # a question word opens it; من and ما also mean "from" and "what/which", so only a
        # question mark makes them questions (من جهة أخرى, ما أدى إلى ...)
        first = [tok.word for tok in self.tokens(sa, sb)[:1] if tok.word not in ("من", "ما")]
        if "?" in sent or self._in(first, lex.cues["question"]):
            c.hypothetical = True


    def specificity(self, c: _Cand, sa: int, sb: int, ca: int, cb: int) -> float:
        """A factor in (0, 1]: how much the clause looks like a report of one happening."""
        m, t = c.trig, c.t
        s = self.s
        lex = self.lex
        factor = 1.0
        start = m.nstart - len(m.prefix)
        near = self.words_before(ca, start, 3) + self.words_after(m.nend, cb, 4)
        counts = _count_words()
        has_count = any(w.isdigit() or w in counts or (w[:1] in "وب" and w[1:] in counts)
                        or _is_dual(w) for w in near)
        sent = s[sa:sb]
        has_day = bool(resolve_relative(sent, date(2000, 1, 1))) or any(
            d.day for d in self.dates_in(sa, sb))
        has_place = any(x.place is not None for x in self.mentions_in(ca, cb))
        has_party = c.actor is not None or c.recipient is not None
        if not (has_count or has_day or has_place or has_party):
            factor *= NO_SPECIFICS_FACTOR
        elif not (has_count or has_day) and QUAD[t.event_type].startswith("material"):
            factor *= NO_COUNT_NO_DAY_FACTOR  # statements carry no counts: material acts only
        fw = _function_words()
        clause_words = [tok.word for tok in self.tokens(ca, cb)]
        lead = self.words_before(sa, start, LIGHT_VERB_WINDOW)  # may cross a comma
        governed_by_light_verb = t.voice == "noun" and self._in(lead, fw["light_verbs"])
        if governed_by_light_verb:
            factor *= LIGHT_VERB_BOOST
        elif t.voice == "noun" and not (has_count or has_day):
            factor *= BARE_NOUN_FACTOR
        clause_before = [tok.word for tok in self.tokens(ca, start)]
        if clause_before[:1] and clause_before[0] in fw["relative_pronouns"] or \
                self._in(self.words_before(sa, start, 3), fw["relative_pronouns"]):
            factor *= RELATIVE_FACTOR
            c.background = True
        elif t.pos == "verb" and self._subordinate(c, sa, ca, start):
            factor *= RELATIVE_FACTOR
            c.background = True
        prev2 = self.words_before(ca, start, 1)
        if (m.prefix.endswith("ل") and t.voice == "noun") or (
                prev2 and prev2[0][:1] == "ل" and prev2[0][1:] in fw["purpose_nouns"]):
            c.hypothetical = True  # لشن هجوم: an act intended, not done
        prev = self.words_before(ca, start, 1)
        if t.pos == "verb" and (m.prefix.endswith(("ب", "ل")) and self.s[m.nstart:m.nstart + 1] not in "يتن"
                                or (prev and prev[0] in _governors())):
            factor *= GOVERNED_FACTOR
        elif t.voice == "noun" and s[m.nstart:m.nstart + 2] == "ال" and not governed_by_light_verb:
            factor *= DEFINITE_NOUN_FACTOR
        if c.actor is not None and getattr(c.actor, "sector", None) in \
                lex.unlikely_actors.get(t.event_type, ()):
            factor *= UNLIKELY_ACTOR_FACTOR
        if self._enumerated(c, ca, cb) or self._in(clause_words, lex.cues["rate_markers"]):
            factor *= ENUMERATION_FACTOR
        if self._in(self.words_before(ca, start, REFERENCE_WINDOW), fw["reference_words"]) or (
                t.voice == "noun" and prev and prev[0] in fw["demonstratives"]):
            factor *= REFERENCE_FACTOR
        if self._quoted(sa, start):
            factor *= QUOTED_FACTOR
        clause = s[ca:cb]
        if _YEAR.search(clause) and not has_day or self._in(clause_words,
                                                            lex.cues["historical_markers"]):
            factor *= BACKGROUND_FACTOR
            c.background = True
        return factor

    def _negation_exception(self, before: list[str], start: int, sb: int) -> bool:
        """Does the negation word before the trigger open a phrase that does not negate
        (لا يزال, ما أسفر عن, ما يقارب)? The phrase may run into the trigger itself."""
        text = " " + " ".join(before + self.words_after(start, sb, 3)) + " "
        return any(" " + " ".join(p) + " " in text
                   for p in self.lex.cue_phrases.get("negation_exceptions", ()) if len(p) > 1)

    def _prevented(self, sa: int, start: int) -> bool:
        """Is the act at ``start`` the object of a verb of prevention: nothing but its
        subject, time words and at most one other word between (منعت قوات الأمن مساء أمس
        تظاهرة; حال دون وقوع هجوم)?"""
        cues = self.lex.cues["prevention"]
        toks = self.tokens(sa, start)[-PREVENTION_WINDOW:]
        for i, tok in enumerate(toks):
            words = [tok.word] + ([toks[i + 1].word] if i + 1 < len(toks) else [])
            if self._in([tok.word], cues) or " ".join(words) in {
                    " ".join(p) for p in self.lex.cue_phrases.get("prevention", ())}:
                rest = self._skip_subject(tok.end, start)
                if len(rest) <= 2:
                    return True
        return False

    def _subordinate(self, c: _Cand, sa: int, ca: int, start: int) -> bool:
        """Is a verb trigger in a clause that only sets the scene for another: a temporal
        clause (بعد أن سد المتظاهرون الطرق, بعدما احتجوا), a past progressive (كانت تتظاهر)
        or an imperfect describing an indefinite noun (متظاهرين يحتجون على ...)?"""
        fw = _function_words()
        imperfect = self.s[c.trig.nstart:c.trig.nstart + 1] in "يت"
        prev = self.words_before(sa, start, 2)
        if prev and imperfect and prev[-1] in fw["past_auxiliaries"]:
            return True
        if prev and imperfect and not c.trig.prefix and not prev[-1].startswith("ال") and \
                any(x.nend == start - 1 or x.nend == start for x in self.mentions_in(sa, start)
                    if x.kind == "agent"):
            return True
        lead = self.words_before(sa, ca, 2)
        if lead[-2:] == ["في", "حين"]:
            return False  # في حين = whereas: a coordinate clause, news in its own right
        return bool(lead) and self._in(lead[-1:], fw["temporal_subordinators"]) or \
            len(lead) == 2 and self._in(lead[:1], fw["temporal_subordinators"]) and \
            lead[1] in ("ان", "أن")

    def _enumerated(self, c: _Cand, ca: int, cb: int) -> bool:
        """Is the trigger one item of a list of kinds of act (خطف وقتل, القتل والتهجير)?
        Only a single-word trigger that can be read as a verbal noun qualifies."""
        m, t = c.trig, c.t
        acts = _function_words()["act_nouns"]
        surface = self.s[m.nstart:m.nend]
        if t.pos == "phrase" or " " in surface or t.pos == "verb" and len(surface) > 3 \
                and surface not in acts:
            return False  # طالبوا is only a verb; a bare triliteral (قتل, جرح) can be the noun
        prev = self.words_before(ca, m.nstart - len(m.prefix), 1)
        nxt = self.words_after(m.nend, cb, 1)
        if m.prefix.startswith("و") and prev and self._in(prev, acts):
            return True
        return bool(nxt) and nxt[0][:1] == "و" and self._in([nxt[0][1:]], acts)

    def _quoted(self, sa: int, pos: int) -> bool:
        """Is ``pos`` inside a quotation opened earlier in the sentence (or paragraph)?"""
        s = self.s
        para = s.rfind("\n", 0, pos) + 1
        seg = s[max(para, sa - 400):pos]
        depth = 0
        for ch in seg:
            if ch in "«“":
                depth += 1
            elif ch in "»”" and depth:
                depth -= 1
        return depth > 0 or seg.count('"') % 2 == 1

    def generic(self, c: _Cand, ca: int) -> bool:
        m = c.trig
        before = self.words_before(ca, m.nstart - len(m.prefix), 1)
        return bool(before) and self._in(before, self.lex.cues["generic_markers"])

    # -- arguments ------------------------------------------------------------------------
    def _actorish(self, mentions: list) -> list:
        """Mentions that can fill actor/recipient: not places, and not a country or a
        capital standing in a locative phrase (في القاهرة is where, not who)."""
        from ..entities.recognize import _prev_word, _strip_clitic, _words
        w = _words()
        loc = w.locatives
        out = []
        for x in mentions:
            if x.kind == "place":
                continue
            if x.kind in ("country", "capital"):
                pre = self._prefix_of(x)
                prev = _strip_clitic(_prev_word(self.s, x.nstart - len(pre)))
                if pre.endswith("ب") or prev in loc:
                    continue
                if not pre and prev in _function_words()["attack_heads"]:
                    continue  # هجوم لندن, تفجيرات باريس: the attack's place
            if x.kind == "nisba":
                # a nationality describing a place (الحدود السورية, عدة مدن باكستانية,
                # العاصمة الأفغانية) is where, not who
                prev = _strip_clitic(_prev_word(self.s, x.nstart - len(self._prefix_of(x))))
                if prev in w.place_nouns or prev in _function_words()["place_heads"]:
                    continue
            out.append(x)
        return out

    def arguments(self, c: _Cand, ca: int, cb: int) -> None:
        m, t = c.trig, c.t
        s = self.s
        start = m.nstart - len(m.prefix)
        before = self._actorish(self.mentions_in(ca, start))
        after = self._actorish(self.mentions_in(m.nend, cb))
        if t.pos == "phrase" and t.voice == "active":
            # a party inside a verb-initial phrase (اشتبك المتظاهرون, رشقوا الجنود): after a
            # verb in the singular it is the subject (VSO), after a plural (-وا) the object
            # (a party may run on past the phrase: قصفت الطائرات الإسرائيلية)
            inside = self._actorish([x for x in self.mentions_in(m.nstart, cb)
                                     if x.nstart < m.nend])
            first = self.s[m.nstart:m.nend].split(" ", 1)[0]
            if inside and inside[0].nstart > m.nstart:
                if first.endswith("وا"):
                    c.recipient = inside[0]
                else:
                    c.actor = inside[0]
        # explicit agent phrase (على يد X, من قبل X, برصاص X)
        for x in after:
            gap_start = max(m.nend, x.nstart - 12)
            lead = s[gap_start:x.nstart - len(self._prefix_of(x))]
            if any(p in lead for p in _AGENT_PREPS) or "برصاص" in s[gap_start:x.nstart]:
                c.actor = x
                after = [y for y in after if y is not x]
                break
        # prepositional roles declared by the entry (هجوم على X)
        for prep, role in t.roles:
            if role == "location":
                continue  # places are chosen by place_of, which prefers locative phrases
            for x in after:
                pre = self._prefix_of(x)
                lead_words = self.words_before(m.nend, x.nstart - len(pre), 1)
                if (lead_words and lead_words[-1] == prep) or (len(prep) == 1 and pre.startswith(prep)):
                    if role == "recipient" and c.recipient is None:
                        c.recipient = x
                    elif role == "actor" and c.actor is None:
                        c.actor = x
                    after = [y for y in after if y is not x]
                    break
        # the target of a protest after its cue (احتجاجا على زيارة بوش, مضادة لمحافظ X)
        cues = self.lex.target_cues.get(t.event_type)
        if cues and c.recipient is None:
            for tok in self.tokens(m.nend, cb):
                w = tok.word
                if w in cues or w[1:] in cues or w[2:] in cues:
                    tgt = [x for x in after if x.nstart >= tok.start
                           and len(self.tokens(tok.end, x.nstart)) <= 3 and x is not c.actor]
                    if tgt:
                        c.recipient = tgt[0]
                        after = [y for y in after if y is not tgt[0]]
                        break
        # a nationality right after the act is its author: غارة أمريكية, ضربة جوية اميركية,
        # قصفت طائرات إسرائيلية
        if c.actor is None and t.voice != "passive":
            adj = [x for x in self.mentions_in(m.nend, min(cb, m.nend + 30))
                   if x.kind == "nisba" and x.nstart - m.nend <= 2]
            if adj and self._agrees_in_definiteness(m, adj[0]):
                c.actor = adj[0]
                after = [y for y in after if y is not adj[0]]
            elif adj and t.event_type in _VICTIM_TYPES and c.recipient is None:
                # مقتل التونسي: a definite nationality after an indefinite head is a
                # genitive noun, the one it happened to
                c.recipient = adj[0]
                after = [y for y in after if y is not adj[0]]
        # an attacker word inside the trigger (هجوم انتحاري, مسلحون مجهولون) is the actor
        if c.actor is None and t.event_type in _VICTIM_TYPES:
            inner = [x for x in self._actorish(self.mentions_in(m.nstart, m.nend + 1))
                     if x.sector in ("UAF", "REB", "INS") and x.nstart >= m.nstart]
            if inner:
                c.actor = inner[0]
        # قتلهم عناصر التنظيم: a verb carrying its object as a pronoun has its subject after
        # it, and the party named before it is that object
        if t.pos == "verb" and m.suffix in ("ه", "ها", "هم", "هما", "هن") and \
                t.event_type in _VICTIM_TYPES and c.actor is None and c.recipient is None:
            nb = [x for x in before if len(self.tokens(x.nend, start)) <= 1]
            na = [x for x in after if len(self.tokens(m.nend, x.nstart)) <= OBJECT_WINDOW]
            if nb and na:
                c.recipient, c.actor = nb[-1], na[0]
                after = [y for y in after if y is not na[0]]
                before = [y for y in before if y is not nb[-1]]
        near_before = [x for x in before
                       if len(self.tokens(x.nend, start)) <= SUBJECT_WINDOW]
        near_after = [x for x in after
                      if len(self.tokens(m.nend, x.nstart)) <= OBJECT_WINDOW]
        if t.voice == "passive":
            if c.recipient is None:
                # SVO: the party right before the passive verb (البغدادي أصيب بجروح)
                adjacent = [x for x in near_before if len(self.tokens(x.nend, start)) == 0]
                c.recipient = adjacent[-1] if adjacent else near_after[0] if near_after else (
                    near_before[-1] if near_before else None)
        elif t.voice == "noun":
            perp = _function_words()["perpetration_verbs"]
            surface = self.s[m.nstart:m.nend]
            if m.suffix in ("ه", "ها", "هم", "هما") and near_before and c.recipient is None \
                    and self._in([surface], _function_words()["patient_nouns"]):
                # لقي سبعة أشخاص مصرعهم, نجا من محاولة اغتياله: the possessor of a death or
                # injury noun is the one it happened to
                c.recipient = near_before[-1]
                near_after = []
            for x in near_after:
                lead = self.words_before(m.nend, x.nstart - len(self._prefix_of(x)), 2)
                if c.actor is None and any(w in perp for w in lead):
                    c.actor = x  # هجوم شنه متمردون
                    continue
                if x.kind == "nisba" and c.actor is None and x.nstart - m.nend <= 2:
                    c.actor = x
                elif self._prefix_of(x).startswith("ل") and c.actor is None and \
                        t.event_type not in _DATIVE_TYPES and len(self.tokens(
                            m.nend, x.nstart - len(self._prefix_of(x)))) <= 1:
                    c.actor = x  # غارة للطيران, هجوم لطالبان (not على تجمع للمواطنين)
                elif c.recipient is None and x is not c.actor:
                    c.recipient = x
            if c.actor is None and near_before and near_before[-1] is not c.recipient:
                # X شن هجوما: the subject of the verb governing the noun; not across a
                # preposition (للقوات التي تحارب الجهاديين وخلال اجتماع ...), and not the
                # subject of a reporting verb (أعلن الجيش مقتل ...: the army reports it)
                between = [tok.word for tok in self.tokens(near_before[-1].nend, start)]
                before_subj = [tok.word for tok in self.tokens(ca, near_before[-1].nstart)]
                reported = self._in(between + before_subj, self.lex.cues["quote_verbs"])
                # قامت دبابة إسرائيلية بقصف / الدبابة قامت بقصف: the doer of قام
                prefix_ok = not m.prefix or m.prefix == "ب" and self._in(
                    before_subj + self.words_before(ca, start, 1), _function_words()["doing_verbs"])
                if not any(w in _governors() or w[1:] in _governors() for w in between) \
                        and prefix_ok and not reported:
                    if self._in([surface], _function_words()["patient_nouns"]):
                        if c.recipient is None:  # سقط عشرات العراقيين بين قتيل وجريح
                            c.recipient = near_before[-1]
                    else:
                        c.actor = near_before[-1]
            if c.actor is None and m.suffix in ("ه", "ها", "هم") and c.recipient is not \
                    (near_before[-1] if near_before else None):
                # هجماته = its attacks: the possessor is the last actor named before, even
                # across a comma (وبدأ التحالف الدولي، هجماته على ...)
                prior = [x for x in self._actorish(self.mentions_in(c.sent[0], start))
                         if x.kind in ("org", "agent", "person", "country", "nisba")]
                if prior:
                    c.actor = prior[-1]
        else:
            subj = None
            surface = self.s[m.nstart:m.nend].split(" ", 1)[0]
            own_subject = bool(near_after) and not self.tokens(
                m.nend, near_after[0].nstart - len(self._prefix_of(near_after[0])))
            if m.prefix.startswith("و") and (surface.endswith("وا") or (
                    t.pos == "verb" and not own_subject and self.mentions_in(ca, start)
                    and self.words_after(m.nend, cb, 1)[:1]
                    and self.words_after(m.nend, cb, 1)[0] in _governors())):
                # وخطفوا after "اقتحم مسلحون ...", واعتدت على المصلين after "قامت قوة ...
                # بمداهمة": a verb joined by و with no subject of its own (plural, or a
                # preposition straight after it) shares the first party of its clause
                first = [x for x in self._actorish(self.mentions_in(ca, start))
                         if x.sector not in _VICTIM_SECTORS]
                if first:
                    subj = first[0]
            if subj is not None:
                pass
            elif near_before:
                subj = near_before[-1]
                # "60 شخصا قتلوا": counted people before an unvocalised perfect are its
                # patients (قُتلوا), not its agents
                lead = self.words_before(c.sent[0], subj.nstart - len(self._prefix_of(subj)), 1)
                counted = bool(lead) and (lead[0].isdigit() or lead[0] in _count_words())
                if t.event_type in _VICTIM_TYPES and t.voice == "active" and t.pos == "verb" \
                        and self.s[m.nstart:m.nstart + 1] not in "يتن" and counted \
                        and c.recipient is None:
                    c.recipient = subj
                    subj = None
            elif near_after and self._accusative(near_after[0]):
                # قتل شرطيا ورجلا: an indefinite accusative after the verb is its object
                if c.recipient is None:
                    c.recipient = near_after[0]
            elif near_after:
                subj = near_after[0]
                # an unvocalised perfect followed by a count or by victims is passive:
                # قتل ثلاثة مدنيين = three civilians were killed
                nxt = self.words_after(m.nend, cb, 1)
                # ... and so is one whose party is followed straight by the cause or the
                # wounded (قتل جنديان أمريكيان في هجوم ..., قتل جنديان وأصيب تسعة): an
                # active verb would have its object there
                after_subj = self.words_after(subj.nend, c.sent[1], 2)
                causes = _function_words()["cause_words"]
                caused = bool(after_subj) and self.s[m.nstart:m.nstart + 1] not in "يتن" and (
                    self._in(after_subj[:1], causes) or " ".join(after_subj) in causes)
                if t.event_type in _VICTIM_TYPES and (
                        (nxt and (nxt[0].isdigit() or nxt[0] in _count_words()))
                        or subj.sector in _VICTIM_SECTORS or caused):
                    if c.recipient is None:
                        c.recipient = subj
                    subj = None
            if c.actor is None:
                c.actor = subj
            for x in near_after:
                if x is c.actor or x is subj:
                    continue
                if c.recipient is None:
                    c.recipient = x
                    break
        # the dative ل gives the recipient of giving/asking types (قدم التدريب للقوات)
        if t.event_type in _DATIVE_TYPES:
            for x in after:
                if self._prefix_of(x).startswith("ل") and x is not c.actor:
                    c.recipient = x
                    break
        # a protest's actor is the protesting crowd named in the sentence (المتظاهرين ...)
        if t.event_type == "PROTEST" and c.actor is None:
            crowd = [x for x in self._actorish(self.mentions_in(c.sent[0], c.sent[1]))
                     if x.sector in _PROTESTER_SECTORS and x is not c.recipient]
            if crowd:
                c.actor = min(crowd, key=lambda x: abs(x.nstart - m.nstart))
        # victims named only by their count (أوقع الهجوم سبعة قتلى, مقتل 12 شخصا)
        if t.event_type in _VICTIM_TYPES and c.recipient is None:
            c.recipient = self._counted_victims(c.sent[0], c.sent[1])
        # civilians alone are victims, not attackers (قتل ثلاثة مدنيين)
        if t.event_type in ("ASSAULT", "COERCE") and c.actor is not None and c.recipient is None \
                and c.actor.sector in _VICTIM_SECTORS:
            c.actor, c.recipient = None, c.actor
        if c.actor is not None and c.recipient is not None and c.actor is c.recipient:
            c.recipient = None
        if t.event_type in _VICTIM_TYPES:
            self._victim_roles(c)
            if c.recipient is None and t.event_type == "ASSAULT":
                c.recipient = self._place_target(c, cb)
        self._resolve_duals(c)
        c.actor = self._group_country(self._possessor_country(c.actor, c.sent[0]), c.sent[1])
        c.recipient = self._group_country(self._possessor_country(c.recipient, c.sent[0]),
                                          c.sent[1])

    def _accusative(self, x) -> bool:
        """An indefinite noun in the accusative (شرطيا, رجلا, جنديا): the written alif of
        the accusative ending on a party noun that has no article."""
        word = self.s[x.nstart:x.nend].split(" ", 1)[0]
        lead = self.words_before(max(0, x.nstart - 40), x.nstart, 1)
        counted = bool(lead) and (lead[0].isdigit() or lead[0] in _count_words())
        return x.kind == "agent" and not self._prefix_of(x) and not word.startswith("ال") \
            and word.endswith("ا") and not word.endswith(("اا", "وا")) and len(word) > 3 \
            and not counted  # 15 شخصا: the accusative of a counted noun, any role

    def _resolve_duals(self, c: _Cand) -> None:
        """اتفق الزعيمان: a dual party stands for the last two distinct parties named before
        it in the article; the first becomes the actor, the other the recipient."""
        for role in ("actor", "recipient"):
            x = getattr(c, role)
            if x is None or x.kind != "dual":
                continue
            pair: list = []
            for y in reversed(self.mentions_in(0, x.nstart)):
                if y.kind in ("person", "country", "org", "capital", "unknown-person") and \
                        y.country and all(y.country != z.country for z in pair):
                    pair.append(y)
                if len(pair) == 2:
                    break
            if len(pair) < 2:
                setattr(c, role, None)
                continue
            first, second = pair[1], pair[0]  # in the order the article named them
            setattr(c, role, first)
            other = "recipient" if role == "actor" else "actor"
            if getattr(c, other) is None or getattr(c, other).kind == "dual":
                setattr(c, other, second)

    def _agrees_in_definiteness(self, m, x) -> bool:
        """غارة أمريكية, الغارة الأمريكية: an adjective agrees with its noun in
        definiteness; مقتل التونسي (indefinite head, definite nationality) is a genitive."""
        head = self.words_before(m.nstart, x.nstart - len(self._prefix_of(x)), 1)
        head_def = bool(head) and (head[0].startswith("ال") or head[0][1:3] == "ال")
        adj_def = (self._prefix_of(x) + self.s[x.nstart:x.nend]).lstrip("وفبلك").startswith("ال") \
            or self._prefix_of(x).endswith("ال")
        return head_def == adj_def or not adj_def

    def _victim_roles(self, c: _Cand) -> None:
        """Attack roles the word order alone gets wrong."""
        fw = _function_words()
        sa, sb = c.sent
        # هجوم انتحاري, تفجير انتحاري: an attacker noun right after an attack noun is its
        # adjective, naming who attacked, never the target
        r = c.recipient
        if r is not None and r.sector == "UAF" and self._in(
                self.words_before(sa, r.nstart - len(self._prefix_of(r)), 1), fw["attack_heads"]):
            c.recipient = None
            if c.actor is None:
                c.actor = r
        # victims counted, then singled out (26 شخصا بينهم ستة جنود عراقيين, عشرة بينهم
        # ثلاثة من رجال الشرطة): the group singled out names who was hit
        if c.recipient is None or c.recipient.sector == "CVL":
            for tok in self.tokens(c.trig.nend, sb):
                if tok.word not in fw["membership_links"] or tok.word in ("في", "من"):
                    continue
                named = [x for x in self._actorish(self.mentions_in(tok.end, sb))
                         if len(self.tokens(tok.end, x.nstart)) <= 3 and x.sector not in
                         (None, "CVL", "UAF") and x is not c.actor]
                if named:
                    c.recipient = named[0]
                break
        # the object of a targeting verb (استهدف دورية للجيش الأمريكي, استهدفت موكبا لسفارة
        # الولايات المتحدة) is the target when the victims carry no nationality
        if c.recipient is None or c.recipient.country is None:
            for tok in self.tokens(sa, sb):
                if not self._in([tok.word], fw["targeting_verbs"]):
                    continue
                objs = [x for x in self._actorish(self.mentions_in(tok.end, sb))
                        if len(self.tokens(tok.end, x.nstart)) <= TARGET_WINDOW
                        and x is not c.actor and x.country is not None
                        and x.sector != "UAF"]
                if objs:
                    c.recipient = objs[0]
                    break

    def _group_country(self, x, sb: int):
        """A sector noun without a nationality takes it from the body it belongs to or the
        members it is said to include: ناشطا في كتائب الأقصى, ثلاثة من نشطاء «سرايا القدس»,
        سياسيين بينهم زعيمة المعارضة بي نظير بوتو."""
        if x is None or x.kind != "agent" or x.country is not None:
            return x
        nxt = [y for y in self.mentions_in(x.nend, min(sb, x.nend + 40))
               if (y.country is not None or y.sector is not None)
               and y.kind in ("org", "person", "agent", "country")]
        if not nxt:
            return x
        y = nxt[0]
        gap = [tok.word for tok in self.tokens(x.nend, y.nstart - len(self._prefix_of(y)))]
        links = _function_words()["membership_links"]
        if len(gap) > 1 or gap and gap[0] not in links:
            return x
        from dataclasses import replace
        if y.kind == "org" and x.sector in ("CVL", "UAF", "OPP"):
            return replace(x, country=y.country, sector=y.sector)
        if y.kind == "agent" and gap and gap[0] in ("في", "من") and y.sector in ("COP", "MIL") \
                and x.sector in ("COP", "MIL"):
            # ضابطا في الشرطة, جندي من الجيش: the force decides the sector
            return replace(x, country=y.country or x.country, sector=y.sector)
        return replace(x, country=y.country) if y.country else x

    def _place_target(self, c: _Cand, cb: int):
        """إطلاق صواريخ على مستوطنة كريات شمونة, قصفت الطائرات بلدة X: with no party hit,
        a place named after على is the target, and its country the recipient's."""
        for x in self.mentions_in(c.trig.nend, cb):
            if x.place is None or x.country is None or x.kind not in ("place", "capital"):
                continue
            lead = self.words_before(c.trig.nend, x.nstart - len(self._prefix_of(x)), 2)
            on = norm("على")
            if lead[-1:] == [on] or len(lead) == 2 and lead[0] == on and \
                    lead[1] in _words_place_nouns():
                return x
        return None

    def _possessor_country(self, x, sa: int):
        """جنوده, قواتها, عناصره: a sector noun with a possessive pronoun belongs to the last
        party named before it in the sentence; it takes that party's country."""
        facility = x is not None and x.type == "FAC"
        if x is None or x.kind != "agent" or x.country is not None and not facility:
            return x
        nxt = self.s[x.nend:x.nend + 3]
        suffix = re.match(r"(ه|ها|هم|هما)(?!\w)", nxt)
        if not suffix:
            return x
        prior = [y for y in self._actorish(self.mentions_in(sa, x.nstart))
                 if (y.country is not None or facility and y.sector is not None)
                 and y.kind in ("agent", "org", "country", "person", "nisba", "capital",
                                "unknown-person")]
        if not prior:
            return x
        from dataclasses import replace
        if facility and prior[-1].sector:
            # نجا قائد شرطة النجدة ... اثر تعرض موكبه: his motorcade is his side
            return replace(x, country=prior[-1].country or x.country, sector=prior[-1].sector)
        return replace(x, country=prior[-1].country)

    def _locative_chain(self, pos: int, w) -> bool:
        """في العاصمة الأردنية عمّان: a locative, then place nouns or nationalities, then
        the name (up to three words back)."""
        words = [t.word for t in self.tokens(max(0, pos - 60), pos)][-3:]
        for word in reversed(words):
            forms = (word, word[1:]) if word[:1] in "وف" and len(word) > 3 else (word,)
            if any(f in w.locatives or f.startswith("ب") and f[1:] in w.place_nouns
                   for f in forms):
                return True
            if not any(f in w.place_nouns or f in w.city_nouns or f.endswith(("يه", "ي"))
                       for f in forms):
                return False
        return False

    def _counted_victims(self, sa: int, sb: int):
        """A count of killed / wounded / people in the sentence, as an unnamed civilian
        recipient (a number + its noun; resources/ar/numbers.yaml units)."""
        from ..entities.recognize import Mention
        from ..facts.quantities import number_lexicon
        units = number_lexicon().units
        if self._victim_units is None:
            self._victim_units = [u for u in units.find(self.nt)
                                  if u.value in ("killed", "wounded", "people", "victims",
                                                 "civilians", "children", "women")]
        for u in self._victim_units:
            if not sa <= u.nstart < sb:
                continue
            lead = self.words_before(sa, u.nstart - len(u.prefix), 1)
            if lead and (lead[0].isdigit() or lead[0] in _count_words()):
                ws = self.tokens(sa, u.nstart)[-1]
                a, b = self.nt.span(ws.start, u.nend)
                return Mention(a, b, ws.start, u.nend, "PERSON", "victims", "people", None,
                               "CVL", None, self.nt.original[a:b])
        return None

    def _prefix_of(self, x) -> str:
        # proclitics before a mention: letters between the word start and the mention
        s = self.s
        i = x.nstart
        while i > 0 and s[i - 1].isalnum() and x.nstart - i < 4:
            i -= 1
        return s[i:x.nstart]

    # -- date and place ---------------------------------------------------------------------
    def dates_in(self, a: int, b: int) -> list:
        """The article's explicit dates inside normalised [a, b) (original offsets)."""
        oa, ob = self.nt.span(a, b)
        return [d for d in self.ann.dates if oa <= d.start and d.end <= ob]

    def date_of(self, sa: int, sb: int, ca: int, cb: int, tpos: int) -> DateValue | None:
        tpos_o = self.nt.orig(tpos)
        explicit = self.dates_in(ca, cb)  # the clause's own date first, else the sentence's
        if not explicit and not resolve_relative(self.s[ca:cb], self.published):
            explicit = [d for d in self.dates_in(sa, sb)
                        if abs(d.start - tpos_o) <= SENTENCE_DATE_REACH]
        if explicit:
            best = min(explicit, key=lambda d: abs(tpos_o - d.start))
            return DateValue(best.value, best.precision, self.nt.original[best.start:best.end],
                             best.start, best.end)
        rel = resolve_relative(self.s[sa:sb], self.published)
        if rel:
            best = min(rel, key=lambda r: abs(tpos - sa - r.nstart))
            a, b = self.nt.span(sa + best.nstart, sa + best.nend)
            return DateValue(best.value, best.precision, self.nt.original[a:b], a, b)
        if self.published:
            return DateValue(self.published.isoformat(), "day", None)  # type: ignore[arg-type]
        return None

    def place_of(self, sa: int, sb: int, ca: int, cb: int, tpos: int, used: tuple) -> Place | None:
        places = [x for x in self.mentions_in(sa, sb)
                  if x.place is not None and x not in used and x.kind in ("place", "capital", "country")]
        if not places:
            return None
        from ..entities.recognize import _prev_word, _strip_clitic, _words
        w = _words()

        def rank(x) -> tuple:
            pre = self._prefix_of(x)
            prev = _strip_clitic(_prev_word(self.s, x.nstart - len(pre)))
            locative = pre.startswith("ب") or pre.startswith("وب") or prev in w.locatives \
                or prev in w.place_nouns or self._locative_chain(x.nstart - len(pre), w)
            in_clause = ca <= x.nstart < cb
            precision = {"point": 0, "city": 0, "admin1": 1, "country": 2}.get(x.place.precision, 3)
            return (not locative, not in_clause, precision if locative else 3, abs(x.nstart - tpos))
        x = min(places, key=rank)
        p = x.place
        return Place(x.text, p.name, p.country, p.admin1, p.lat, p.lon, p.precision,
                     p.geonames_id, x.start, x.end)


_PHRASES: dict[int, tuple[frozenset[str], tuple[str, ...]]] = {}


def _phrases_of(cues: frozenset[str]) -> tuple[str, ...]:
    """The multi-word entries of a word set, padded for substring search (cached per set;
    the sets live as long as the lexicon)."""
    hit = _PHRASES.get(id(cues))
    if hit is None or hit[0] is not cues:
        hit = (cues, tuple(" " + p + " " for p in cues if " " in p))
        _PHRASES[id(cues)] = hit
    return hit[1]


@lru_cache(maxsize=1 << 16)
def _stems(w: str) -> tuple[str, ...]:
    out = [w]
    if w[:1] in "وف" and len(w) > 3:
        w = w[1:]
        out.append(w)
    if w.startswith("لل") and len(w) > 3:
        out.append("ال" + w[2:])
    if w[:1] in "بلك" and len(w) > 3:
        out.append(w[1:])
    # a word listed without the article also matches its definite form (README of the
    # event folder): المتظاهرون, والمتظاهرين, بالحجارة
    for x in list(out):
        # a pronoun suffix on a noun (مصادرتها, عزمها, قواتهم): the bare noun, ت back to ة
        # (ه). A lone ه is left: after normalisation it is also the ta marbuta (جوية = جويه)
        for sfx in ("هما", "ها", "هم"):
            if x.endswith(sfx) and len(x) - len(sfx) >= 3:
                bare = x[:-len(sfx)]
                out.append(bare[:-1] + "ه" if bare.endswith("ت") else bare)
                break
    for x in list(out):
        if x.startswith("ال") and len(x) > 4:
            out.append(x[2:])
        elif x[:1] in "بلك" and x[1:3] == "ال" and len(x) > 5:
            out.append(x[0] + x[3:])  # بالاستقالة matches a listed باستقالة
    return tuple(out)


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    data = load_yaml("ar", "function_words.yaml")
    return {k: frozenset(norm(str(w)) for w in data.get(k) or [])
            for k in ("nominal_governors", "relative_pronouns", "purpose_nouns",
                      "perpetration_verbs", "light_verbs", "reference_words", "act_nouns",
                      "demonstratives", "past_auxiliaries", "temporal_subordinators",
                      "attack_heads", "targeting_verbs", "membership_links", "doing_verbs", "cause_words", "place_heads",
                      "patient_nouns")}


def _words_place_nouns() -> frozenset[str]:
    from ..entities.recognize import _words
    return _words().place_nouns


def _governors() -> frozenset[str]:
    return _function_words()["nominal_governors"]


def _is_dual(word: str) -> bool:
    """شخصين, جنديان: a dual of a counted noun is a count of two."""
    from ..facts.quantities import dual_unit
    return dual_unit(word) is not None


@lru_cache(maxsize=1)
def _count_words() -> frozenset[str]:
    """Number words and approximators (resources/ar/numbers.yaml): a count right after a
    perfect verb marks it as passive."""
    data = load_yaml("ar", "numbers.yaml")
    words: set[str] = set()
    for key in ("ones", "tens", "hundreds", "scales", "vague"):
        words |= {norm(str(w)).split()[0] for w in (data.get(key) or {})}
    for ws in (data.get("approximators") or {}).values():
        words |= {norm(str(w)).split()[0] for w in ws}
    return frozenset(words)


#: Speech acts: the act is the utterance itself.
_SPEECH_ACTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"})
#: Types whose actor, when named only by nationality (غارة أمريكية, قوات تركية absent),
#: is that state's armed force.
_FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})


def _actor(x, etype: str | None = None) -> Actor | None:
    if x is None:
        return None
    a = x.actor()
    if etype in _FORCE_TYPES and x.kind in ("nisba", "country", "capital") and a.country:
        from dataclasses import replace
        a = replace(a, sector="MIL")
    return a


def code_events(ann) -> list[Event]:
    """All PLOVER events of an annotated Arabic article."""
    lex = event_lexicon()
    published = parse_published(ann.article.published)
    coder = _SentenceCoder(lex, ann, published)
    nt = ann.nt
    trig_matches = lex.matcher.find(nt, longest=True)
    # sentence bounds in normalised offsets
    sent_n: list[tuple[int, int]] = []
    for a, b in ann.sentences:
        sent_n.append((_norm_pos(nt, a), _norm_pos(nt, b)))
    n_starts = [a for a, _ in sent_n]
    dateline_place = _dateline_place(ann)
    focus_place = _focus_place(ann)
    events: list[Event] = []
    by_key: dict[tuple[int, str], int] = {}
    for m in trig_matches:
        si = bisect.bisect_right(n_starts, m.nstart) - 1
        if si < 0:
            continue
        sa, sb = sent_n[si]
        if m.nend > sb:
            continue
        c = _Cand(m, m.value, (sa, sb), confidence=m.value.confidence, mode=m.value.mode)
        ca, cb = coder.clause(sa, sb, m.nstart, m.nend)
        if not coder.constraints_ok(c, ca, cb) or coder.generic(c, ca):
            continue
        coder.eventness(c, sa, sb, ca)
        coder.arguments(c, ca, cb)
        c.confidence *= coder.specificity(c, sa, sb, ca, cb)
        mode = c.mode or _mode_from_cues(lex, c.t.event_type, coder.s[sa:sb]) or \
            _mode_from_actor(c.actor, c.t.event_type)
        key = (si, c.t.event_type)
        if key in by_key:  # one event of a type per sentence: enrich the first
            ev = events[by_key[key]]
            events[by_key[key]] = _merge(ev, c, mode)
            continue
        if c.confidence < emit_threshold(c.t.event_type):
            continue
        used = tuple(x for x in (c.actor, c.recipient) if x is not None)
        when = coder.date_of(sa, sb, ca, cb, m.nstart)
        where = coder.place_of(sa, sb, ca, cb, m.nstart, used) or dateline_place
        located = where is not None
        if where is None:
            where = focus_place  # the article's country, at country precision
        recipient = _actor(c.recipient)
        actor = _actor(c.actor, c.t.event_type)
        if located and where.country and len(where.country) == 3 \
                and where.country not in ("IGO", "NGO", "IMG"):
            from dataclasses import replace as _replace
            if recipient is not None and recipient.country is None and (
                    c.t.event_type in _VICTIM_TYPES or recipient.sector in _STATE_SECTORS):
                # victims named without a nationality are people of the place it happened;
                # the police, army or government of a place are that country's
                recipient = _replace(recipient, country=where.country)
            if actor is not None and actor.country is None and actor.sector in _STATE_SECTORS:
                actor = _replace(actor, country=where.country)
            if recipient is None and c.t.event_type == "ASSAULT" and where.precision == "country" \
                    and where.start is not None and (actor is None or actor.country != where.country):
                # ضربة جوية في سورية: an attack on a country named as its place, with no one
                # named as hit, is an attack on that country
                recipient = Actor(where.text, where.name, where.country, None, None,
                                  where.start, where.end)
        historical = c.background
        hypothetical = c.hypothetical
        if when is not None and published is not None:
            historical = historical or _days_before(when.value, published) >= HISTORICAL_DAYS
            if when.precision == "day" and _days_before(when.value, published) < 0:
                hypothetical = True  # dated after publication (غدا, يوم الاثنين المقبل)
        oa, ob = ann.sentences[si]
        ev = Event(id=f"ev{len(events) + 1}", event_type=c.t.event_type, mode=mode,
                   context=list(c.t.context), actor=actor,
                   recipient=recipient, date=when, location=where,
                   trigger=TriggerSpan(nt.original[m.start:m.end], m.start, m.end),
                   sentence={"start": oa, "end": ob}, negated=c.negated,
                   historical=historical, hypothetical=hypothetical,
                   confidence=round(min(c.confidence, 1.0), 3))
        by_key[key] = len(events)
        events.append(ev)
    return events


def _merge(ev: Event, c: _Cand, mode: str | None) -> Event:
    from dataclasses import replace
    changes = {}
    if ev.mode is None and mode is not None:
        changes["mode"] = mode
    if ev.actor is None and c.actor is not None and (
            ev.recipient is None or c.actor.start != ev.recipient.start):
        changes["actor"] = _actor(c.actor, ev.event_type)
    if ev.recipient is None and c.recipient is not None and (
            ev.actor is None or c.recipient.start != ev.actor.start):
        changes["recipient"] = _actor(c.recipient)
    if c.confidence > ev.confidence and not (c.negated or c.hypothetical):
        changes["confidence"] = round(min(c.confidence, 1.0), 3)
    # a real (non-negated, non-hypothetical) mention of the same event wins, when it is
    # itself strong enough to be reported
    if (ev.negated or ev.hypothetical) and not (c.negated or c.hypothetical) \
            and c.confidence >= emit_threshold(c.t.event_type):
        changes.update(negated=False, hypothetical=False)
    return replace(ev, **changes) if changes else ev


def _mode_from_cues(lex: EventLexicon, etype: str, sentence: str) -> str | None:
    for word, mode in lex.mode_cues.get(etype, ()):
        if re.search(r"(?<!\w)(?:[وفبل]|ال|بال|وال)?" + re.escape(word) + r"(?!\w)", sentence):
            return mode
    return None


def _mode_from_actor(actor, etype: str) -> str | None:
    if actor is None or etype != "ASSAULT":
        return None
    from ..entities.lexicon import actor_lexicon
    info = actor_lexicon().actors.get(actor.ref or "")
    return getattr(info, "assault_mode", None) if info else None


def _days_before(value: str, published: date) -> int:
    try:
        y = int(value[:4])
        mth = int(value[5:7]) if len(value) >= 7 else 12
        d = int(value[8:10]) if len(value) >= 10 else 28
        return (published - date(y, mth, d)).days
    except ValueError:
        return 0


def _norm_pos(nt, orig_pos: int) -> int:
    if nt.index is None:
        return orig_pos
    return bisect.bisect_left(nt.index, orig_pos)


def _focus_place(ann) -> Place | None:
    """The country an article is about: the country of most of its places (named at least
    twice, or alone), as a country-precision place with no span in the text. Events with no
    place of their own and no dateline are put there, as news geocoders do."""
    counts: dict[str, int] = {}
    first: dict[str, object] = {}
    for x in ann.mentions:
        if x.place is None or x.kind not in ("place", "capital", "country") or not x.country \
                or len(x.country) != 3 or x.country in ("IGO", "NGO", "IMG"):
            continue
        counts[x.country] = counts.get(x.country, 0) + 1
        if x.country not in first or x.kind == "country" and first[x.country].kind != "country":
            first[x.country] = x
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < 2 and len(counts) > 1 or \
            sum(1 for v in counts.values() if v == counts[best]) > 1:
        return None  # no clear focus
    x = first[best]
    p = x.place
    from ..entities.lexicon import actor_lexicon
    info = actor_lexicon().countries.get(best)
    name = p.name if x.kind == "country" else (info.name if info else best)
    return Place(x.text, name, best, None, p.lat, p.lon, "country",
                 p.geonames_id if x.kind == "country" else None, None, None)


def _dateline_place(ann) -> Place | None:
    line = ann.article.dateline
    if not line:
        return None
    from ..entities.recognize import find_mentions
    from ..lang.normalize import normalize
    for x in find_mentions(normalize(line)):
        if x.place is not None and x.kind in ("place", "capital"):
            p = x.place
            # the dateline's place is where the article was filed: say so in the precision
            return Place(x.text, p.name, p.country, p.admin1, p.lat, p.lon,
                         p.precision, p.geonames_id, None, None)
    return None
