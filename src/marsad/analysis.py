"""Article -> Record: the language analysis stages, in order.

    annotate   normalised text (offset map), sentences, actor/place mentions, dates
    events     PLOVER events (trigger, actor, recipient, date, place, event-ness)
    facts      quotes, quantities, relations, conflicts

Each stage reads the ``Annotated`` article and returns what it adds; nothing reaches back
into an earlier stage's internals. Arabic analysis runs for ``ar`` documents; other
languages get their page fields and empty lists.
"""
from __future__ import annotations

from dataclasses import dataclass

from .extract import Article
from .lang.normalize import Normalized, normalize
from .lang.sentences import split_sentences
from .model import Record

__all__ = ["Annotated", "annotate", "analyse_article", "warm_up"]


@dataclass(frozen=True)
class Annotated:
    article: Article
    nt: Normalized                      # normalised text + offset map
    sentences: list[tuple[int, int]]    # original offsets
    mentions: list                      # entities.recognize.Mention, left to right
    dates: list                         # time.DateMatch: explicit dates, original offsets


def annotate(article: Article) -> Annotated:
    from .entities.recognize import find_mentions
    from .time.absolute import find_dates
    nt = normalize(article.text)
    return Annotated(article, nt, split_sentences(article.text), find_mentions(nt),
                     find_dates(nt))


def analyse_article(article: Article) -> Record:
    base = dict(id=article.id, url=article.url, title=article.title,
                published=article.published, language=article.language, text=article.text)
    if article.language not in ("ar", None):
        return Record(**base)
    from .entities.recognize import mentions_to_entities
    from .events import code_events
    from .facts import find_facts
    ann = annotate(article)
    events = code_events(ann)
    facts = find_facts(ann, events)
    return Record(**base, entities=mentions_to_entities(ann.mentions), events=events,
                  quotes=facts.quotes, quantities=facts.quantities, relations=facts.relations,
                  conflicts=facts.conflicts)


def warm_up() -> None:
    """Load every resource now (a worker calls this once, before its first document)."""
    from .entities.lexicon import actor_lexicon
    from .events import event_lexicon
    actor_lexicon()
    event_lexicon()
