"""Align the passages of an essay's versions: which passages of one language version say what which passages of
another say. Pure: passages in (archive.passages.Passage), groups out; no disk, no model, no network.

Pairs are aligned by dynamic programming over "beads" (1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3, 3-1), as Gale & Church
(1993) align sentences: a bead's cost is -log of its prior times the probability of its length difference, lengths
counted in characters and scaled per language (a Chinese passage has about a third of the characters of its English
counterpart). On top of lengths, anchors that survive translation lower the cost when both sides share them:
numbers, Latin-script terms (LinkedIn, MLOps, code) and URLs, weighted by how rare they are in the essay, and the
shape of the passage (a heading with a heading, a list item with a list item, a question with a question, a
parenthesis with a parenthesis). Three or more versions are aligned each to a pivot (the first version in the
languages' order) and merged into one sequence of groups. Measured against gold alignments in notes/alignment.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from archive.passages import Passage

# Characters of a language's own script per English character they translate, measured on the gold pairs and the
# translations of the long one (notes/alignment.md); other characters (Latin terms, code, digits) count one to one.
CHAR_RATIO = {"en": 1.0, "ru": 1.03, "zh": 0.37, "ja": 0.48}
NATIVE = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh": re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"),
    "ja": re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]"),
}
VARIANCE = 30.0  # s^2 per English character: Gale & Church had 6.8 for sentences of related languages; see notes
# Bead priors: Gale & Church's for sentences, with more room for splits, which paragraph translations make often.
PRIORS = {(1, 1): 0.86, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.05, (1, 2): 0.05, (2, 2): 0.01, (1, 3): 0.005,
          (3, 1): 0.005}
ANCHOR_WEIGHT = 6.0  # cost taken off a bead whose sides share all their anchors
MISMATCH_WEIGHT = 3.0  # cost added to a bead whose sides both have anchors but share none
SHAPE_WEIGHT = 1.5  # cost of pairing a heading with a non-heading, or a list item with a paragraph
_PRIOR_COST = {bead: -math.log(p) for bead, p in PRIORS.items()}
BAND = 25  # cells either side of the (scaled) diagonal the search explores, at least

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[.\-/_][A-Za-z0-9+#]+)*")
_QUESTION = re.compile(r"[?？]")
_SPACES = re.compile(r"\s+")
_OPEN = "([（"


@dataclass(frozen=True)
class Features:
    length: float  # in English characters
    anchors: frozenset[str]
    kind: str  # "h", "li" or "p"
    question: bool
    parenthesis: bool


def _kind(tag: str) -> str:
    return "h" if tag.startswith("h") else "li" if tag == "li" else "p"


def features(passage: Passage, lang: str) -> Features:
    text = passage.text
    chars = len(_SPACES.sub("", text))
    native = len(NATIVE[lang].findall(text)) if lang in NATIVE else 0
    anchors = {number.replace(",", "").replace(".", "") for number in _NUMBER.findall(text)}
    anchors.update("w:" + word.lower() for word in _LATIN.findall(text) if len(word) > 1)
    return Features(
        length=chars - native + native / CHAR_RATIO.get(lang, 1.0),
        anchors=frozenset(anchors),
        kind=_kind(passage.kind),
        question=bool(_QUESTION.search(text[-3:])),
        parenthesis=text[:1] in _OPEN,
    )


def _norm_sf(z: float) -> float:
    """2 * (1 - Phi(|z|)): the chance of a length difference at least this large."""
    return math.erfc(abs(z) / math.sqrt(2))


class _Pair:
    """Costs of beads between two passage lists."""

    def __init__(self, a: list[Features], b: list[Features], use_anchors: bool) -> None:
        self.a, self.b = a, b
        self.use_anchors = use_anchors
        # Anchors count only where the other version has them somewhere: English words are not anchors against a
        # Russian text unless the Russian text uses them. Rarer anchors weigh more.
        in_a = Counter(t for f in a for t in f.anchors)
        in_b = Counter(t for f in b for t in f.anchors)
        weight = {t: 1.0 / math.sqrt(max(in_a[t], in_b[t])) for t in in_a.keys() & in_b.keys()}
        # The anchors of every run of one to three passages (the beads' sides), with their total weight.
        self.spans_a = _spans([{t: weight[t] for t in f.anchors if t in weight} for f in a])
        self.spans_b = _spans([{t: weight[t] for t in f.anchors if t in weight} for f in b])
        self.len_a = [0.0]
        for f in a:
            self.len_a.append(self.len_a[-1] + f.length)
        self.len_b = [0.0]
        for f in b:
            self.len_b.append(self.len_b[-1] + f.length)

    def _anchor_cost(self, i: int, n: int, j: int, m: int) -> float:
        ta, total_a = self.spans_a[n][i]
        tb, total_b = self.spans_b[m][j]
        if not ta or not tb:
            return 0.0
        common = sum(w for t, w in ta.items() if t in tb)
        if common == 0:
            return MISMATCH_WEIGHT
        return -ANCHOR_WEIGHT * common / math.sqrt(total_a * total_b)

    def cost(self, i: int, n: int, j: int, m: int) -> float:
        la = self.len_a[i + n] - self.len_a[i]
        lb = self.len_b[j + m] - self.len_b[j]
        mean = (la + lb) / 2
        z = (lb - la) / math.sqrt(VARIANCE * mean) if mean else 0.0
        cost = _PRIOR_COST[n, m] - math.log(max(_norm_sf(z), 1e-300))
        if not (n and m) or not self.use_anchors:
            return cost
        a, b = self.a, self.b
        cost += self._anchor_cost(i, n, j, m)
        if a[i].kind != b[j].kind:
            cost += SHAPE_WEIGHT
        if a[i + n - 1].question != b[j + m - 1].question:
            cost += SHAPE_WEIGHT / 2
        if a[i].parenthesis != b[j].parenthesis:
            cost += SHAPE_WEIGHT / 2
        return cost


def _spans(anchors: list[dict[str, float]]) -> dict[int, list[tuple[dict[str, float], float]]]:
    """For each bead side length n (1 to 3) and start i: the anchors of passages i … i+n-1 merged, and their weight."""
    spans = {}
    for n in range(1, 4):
        spans[n] = []
        for i in range(len(anchors)):
            merged = anchors[i] if n == 1 else {k: v for d in anchors[i : i + n] for k, v in d.items()}
            spans[n].append((merged, sum(merged.values())))
    return spans


def align_pair(a: list[Passage], a_lang: str, b: list[Passage], b_lang: str,
               use_anchors: bool = True) -> list[tuple[list[int], list[int]]]:
    """Beads in reading order: (indices into a, indices into b); every index of both in exactly one bead."""
    return _beads([features(p, a_lang) for p in a], [features(p, b_lang) for p in b], use_anchors)


def _beads(fa: list[Features], fb: list[Features], use_anchors: bool) -> list[tuple[list[int], list[int]]]:
    cost = _Pair(fa, fb, use_anchors).cost
    n, m = len(fa), len(fb)
    band = max(BAND, abs(n - m) + BAND // 2)
    inf = float("inf")
    beads_allowed = list(PRIORS)
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        centre = int(i * m / n) if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            choice = (inf, (0, 0))
            for bead in beads_allowed:
                di, dj = bead
                if i < di or j < dj:
                    continue
                prev = best.get((i - di, j - dj))
                if prev is None:
                    continue
                total = prev[0] + cost(i - di, di, j - dj, dj)
                if total < choice[0]:
                    choice = (total, bead)
            best[i, j] = choice
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = best[i, j][1]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def align_versions(versions: dict[str, list[Passage]], use_anchors: bool = True) -> list[dict[str, list[str]]]:
    """Groups of passage ids, one dict per group with every language (an empty list where a version has none), in
    reading order; every passage of every version in exactly one group.

    Two versions are aligned directly. More are each aligned to a pivot (the first of `versions`), and the beads
    merged: pivot passages joined by any bead are one group; a passage found only in a non-pivot version becomes a
    group of its own, placed after the group of the passage before it in its version."""
    langs = list(versions)
    pivot, others = langs[0], langs[1:]
    npiv = len(versions[pivot])
    # Union-find over pivot passages: two pivot passages in one bead of any pairwise alignment share a group.
    parent = list(range(npiv))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    feats = {lang: [features(p, lang) for p in versions[lang]] for lang in langs}
    beads = {lang: _beads(feats[pivot], feats[lang], use_anchors) for lang in others}
    for lang in others:
        for pa, _ in beads[lang]:
            for x in pa[1:]:
                parent[find(x)] = find(pa[0])
    # Pivot groups are contiguous runs (beads are monotone), so a group is identified by its first pivot passage.
    roots: dict[int, int] = {}
    for x in range(npiv):
        roots.setdefault(find(x), x)
    group_of_pivot = [roots[find(x)] for x in range(npiv)]
    slots: dict[tuple[int, int, int], dict[str, list[int]]] = {}  # (pivot group start, order, seq) -> members

    def slot(key: tuple[int, int, int]) -> dict[str, list[int]]:
        return slots.setdefault(key, {lang: [] for lang in langs})

    for x in range(npiv):
        slot((group_of_pivot[x], 0, 0))[pivot].append(x)
    for lang in others:
        following = []  # pivot group of the next bead with pivot passages, for each bead
        upcoming = None
        for pa, _ in reversed(beads[lang]):
            upcoming = group_of_pivot[pa[0]] if pa else upcoming
            following.append(upcoming)
        following.reverse()
        last = -1  # pivot group start of the previous bead with pivot passages
        for seq, (pa, pb) in enumerate(beads[lang]):
            if pa:
                last = group_of_pivot[pa[0]]
                slot((last, 0, 0))[lang].extend(pb)
            elif following[seq] == last:  # between two beads that another version joined: inside their group
                slot((last, 0, 0))[lang].extend(pb)
            else:  # no counterpart in the pivot: its own group, after the one before it
                slot((last, 1, seq * len(langs) + langs.index(lang)))[lang].extend(pb)
    ids = {lang: [p.id for p in versions[lang]] for lang in langs}
    return [{lang: [ids[lang][k] for k in members[lang]] for lang in langs} for _, members in sorted(slots.items())]


def project(groups: list[dict[str, list[str]]], langs: tuple[str, str]) -> list[dict[str, list[str]]]:
    """The groups of two of the versions: groups empty in both dropped."""
    out = [{lang: group[lang] for lang in langs} for group in groups]
    return [g for g in out if any(g.values())]
