"""Language advice for editors: spelling, long sentences and readability of Indonesian text.

The Jenawi SOP asks for "good and correct Indonesian, easy to understand". Wagtail's own
checker is tuned for English (its LIX counts words longer than six letters as hard, which in
Indonesian is every second word because of affixes: *pemerintahan*, *kegiatan*), so the
advice is computed here, on the server, from the text the page actually reads out
(:func:`accessibility.spoken.spoken_article`: title, date, lead, body and image alt texts).

* **Spelling** — hunspell's Indonesian dictionary from Debian (``hunspell`` +
  ``hunspell-id``), run as ``hunspell -d id_ID -l`` (list mode, no shell). Capitalised words
  inside a sentence are taken as names and skipped, as are all-capital initialisms, words with
  digits, the abbreviations of :mod:`accessibility.speech.abbreviations` and the words of
  ``ACCESSIBILITY_SPELLING_WORDS``. A capitalised first word is checked unless the same word
  also appears capitalised inside a sentence (then it is a name).
* **Long sentences** — more than ``ACCESSIBILITY_MAX_SENTENCE_WORDS`` (25) words.
* **Readability** — LIX (average sentence length + percentage of long words), with the long
  word redefined for Indonesian as a word of **five or more syllables**. Indonesian spelling
  is phonemic, so syllables are counted reliably from vowel groups; base words have two or
  three syllables and one affix adds one (*kegiatan*, 4), so five syllables marks a doubly
  affixed or compound word (*pemberdayaan*, *kesejahteraan*, *ketidakhadiran*) — the words
  that slow a reader down. LIX was chosen over an adapted Flesch formula because it needs no
  language-specific weights beyond that definition and is what Wagtail's checker shows, so
  editors see a familiar scale. The seventeen demo news items (plain news prose) score 11–24;
  a nominalised bureaucratic sentence ("Pemberdayaan kelembagaan kemasyarakatan …") over 50.

The advice is advisory; an SOP makes it a requirement by naming the check
``indonesian_language`` (registered in ``wagtail_hooks.py``).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accessibility import conf
from accessibility.speech.abbreviations import ABBREVIATIONS

logger = logging.getLogger(__name__)

__all__ = [
    "LanguageAdvice",
    "advise",
    "advise_page",
    "count_syllables",
    "language_problems",
    "readability",
    "split_sentences",
]

LONG_WORD_SYLLABLES = 5
HUNSPELL_DICTIONARY = "id_ID"
# Words of local government and of the demo region hunspell-id does not know.
KNOWN_WORDS = frozenset(
    {
        "kapanewon",
        "panewu",
        "kalurahan",
        "lurah",
        "padukuhan",
        "dukuh",
        "jogoboyo",
        "carik",
        "ulu-ulu",
        "musrenbang",
        "posyandu",
        "puskesmas",
        "pemkab",
        "pemkot",
        "pemdes",
        "bumdes",
        "kominfo",
        "diskominfo",
        "dpmk",
        "ppid",
        "opd",
        "apbdes",
        "wib",
        "wita",
        "wit",
        "sekdin",
        "daring",
        "luring",
        "warganet",
        "gawai",
        "taruna",
        "gotong",
        "royong",
        "bergotong",
        # Standard words (KBBI) missing from Debian's hunspell-id.
        "dulu",
        "balita",
        "alpukat",
        "ponsel",
        "surel",
        "disabilitas",
        "kesiapan",
        "cm",
        "lokapasar",
        "antardesa",
        "antarkalurahan",
        "peliput",
        "bimtek",
    }
)
# Affixes stripped to find a root hunspell-id knows; its affix rules miss many derived forms
# ("diurutkan", "dikibarkan", "terdampak"). A real misspelling has no known root of 3+ letters.
PREFIXES = (
    "memper",
    "diper",
    "mem",
    "men",
    "meng",
    "meny",
    "me",
    "ber",
    "be",
    "di",
    "ter",
    "pem",
    "pen",
    "peng",
    "pe",
    "per",
    "ke",
    "se",
)
SUFFIXES = ("kannya", "annya", "nya", "kan", "an", "i", "lah", "kah", "pun")
# LIX bands for Indonesian news prose (long word = five syllables or more).
READABILITY_BANDS = (
    (30, gettext_lazy("easy")),
    (40, gettext_lazy("fairly easy")),
    (50, gettext_lazy("fairly difficult")),
    (None, gettext_lazy("difficult")),
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_TOKEN = re.compile(r"\S+")
_VOWELS = re.compile(r"[aeiouéè]+", re.IGNORECASE)
_FINAL_DIPHTHONG = re.compile(r"(ai|au|oi|ei)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*$")


@dataclass(frozen=True)
class Readability:
    """LIX for Indonesian: ``average sentence length + 100 × long words / words``."""

    score: float
    average_sentence_words: float
    long_word_ratio: float

    @property
    def label(self) -> str:
        for limit, label in READABILITY_BANDS:
            if limit is None or self.score < limit:
                return str(label)
        return ""


@dataclass(frozen=True)
class LongSentence:
    words: int
    text: str

    @property
    def excerpt(self) -> str:
        words = self.text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


@dataclass(frozen=True)
class LanguageAdvice:
    """What an editor may improve; empty lists mean nothing to improve."""

    misspellings: tuple[str, ...] = ()
    long_sentences: tuple[LongSentence, ...] = ()
    readability: Readability | None = None
    sentence_count: int = 0
    word_count: int = 0
    spelling_checked: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.misspellings and not self.long_sentences

    def messages(self) -> list[str]:
        """The advice as sentences (the SOP requirement-check signature)."""
        out = []
        if self.misspellings:
            out.append(
                ngettext(
                    "Possible misspelling: %(words)s.",
                    "Possible misspellings: %(words)s.",
                    len(self.misspellings),
                )
                % {"words": ", ".join(f"“{w}”" for w in self.misspellings)}
            )
        limit = max_sentence_words()
        for sentence in self.long_sentences:
            out.append(
                _("Sentence of %(count)s words (more than %(limit)s): “%(excerpt)s”")
                % {"count": sentence.words, "limit": limit, "excerpt": sentence.excerpt}
            )
        return out


def max_sentence_words() -> int:
    return int(conf.get("ACCESSIBILITY_MAX_SENTENCE_WORDS"))


# --- sentences and syllables ------------------------------------------------------------
@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    dotted = {key for key in ABBREVIATIONS if key.endswith(".")}
    return frozenset(dotted | {key[0].upper() + key[1:] for key in dotted})


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; "Kab.", "No.", initials and "09.00" do not end one."""
    sentences: list[str] = []
    current: list[str] = []
    tokens = _TOKEN.findall(paragraph)
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _ends_sentence(token, following):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


def _ends_sentence(token: str, following: str) -> bool:
    if not _SENTENCE_END.search(token) or token in _abbreviations():
        return False
    if re.fullmatch(r"[A-Z]\.", token):  # an initial: "H. Abdul Halim"
        return False
    return not following or not following[0].islower()


def count_syllables(word: str) -> int:
    """Syllables of an Indonesian word: vowels, a final *ai/au/oi/ei* being one."""
    count = sum(len(group) for group in _VOWELS.findall(word))
    if _FINAL_DIPHTHONG.search(word):
        count -= 1
    return max(count, 1)


def readability(sentences: list[str]) -> Readability | None:
    """LIX with Indonesian long words (``LONG_WORD_SYLLABLES`` syllables or more)."""
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words or not sentences:
        return None
    long_words = sum(1 for w in words if count_syllables(w) >= LONG_WORD_SYLLABLES)
    average = len(words) / len(sentences)
    ratio = long_words / len(words)
    return Readability(round(average + 100 * ratio, 1), round(average, 1), round(ratio, 3))


# --- spelling ---------------------------------------------------------------------------
def hunspell_path() -> str | None:
    return shutil.which(conf.get("ACCESSIBILITY_HUNSPELL"))


_ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+", re.IGNORECASE)


def _candidates(sentences: list[str]) -> list[str]:
    """Words worth a dictionary look-up, in order, each once (e-mail and web addresses out)."""
    sentences = [_ADDRESS.sub(" ", sentence) for sentence in sentences]
    names = {
        word
        for sentence in sentences
        for word in _WORD.findall(" ".join(sentence.split()[1:]))
        if word[0].isupper()
    }
    extra = conf.get("ACCESSIBILITY_SPELLING_WORDS")
    accepted = KNOWN_WORDS | {word.lower() for word in extra}
    abbreviations = {key.rstrip(".").lower() for key in ABBREVIATIONS}
    seen: dict[str, None] = {}
    for sentence in sentences:
        for position, word in enumerate(_WORD.findall(sentence)):
            lower = word.lower()
            if word.isupper() and len(word) > 1:
                continue  # an initialism: PPID, WIB
            if word[0].isupper() and (position > 0 or word in names):
                continue  # a name
            if "-" in word and any(part[:1].isupper() for part in word.split("-")[1:]):
                continue  # "se-Kabupaten Bantul": a name with a prefix
            if lower in accepted or lower in abbreviations or len(word) < 2:
                continue
            seen.setdefault(word, None)
    return list(seen)


def misspelled(words: list[str]) -> list[str] | None:
    """The words hunspell's Indonesian dictionary rejects; ``None`` when hunspell is absent."""
    binary = hunspell_path()
    if binary is None:
        return None
    if not words:
        return []
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell, text on stdin
            [binary, "-d", HUNSPELL_DICTIONARY, "-i", "utf-8", "-l"],
            input="\n".join(words),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        logger.warning("hunspell failed", exc_info=True)
        return None
    if result.returncode != 0 or "Can't open affix or dictionary" in result.stderr:
        logger.warning("hunspell -d %s: %s", HUNSPELL_DICTIONARY, result.stderr.strip())
        return None
    rejected = set(result.stdout.split())
    wrong = [word for word in words if word in rejected or _rejected_parts(word, rejected)]
    return _without_known_roots(binary, wrong)


def _roots(word: str) -> set[str]:
    lower = word.lower()
    stems = {lower} | {lower[len(p) :] for p in PREFIXES if lower.startswith(p)}
    roots = set(stems)
    for stem in stems:
        roots |= {stem[: -len(s)] for s in SUFFIXES if stem.endswith(s)}
    return {root for root in roots - {lower} if len(root) >= 3 and "-" not in root}


def _without_known_roots(binary: str, wrong: list[str]) -> list[str]:
    """Drop the words one of whose roots (affixes stripped) is in the dictionary."""
    roots = {word: _roots(word) for word in wrong}
    candidates = sorted(set().union(*roots.values())) if roots else []
    if not candidates:
        return wrong
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell, text on stdin
        [binary, "-d", HUNSPELL_DICTIONARY, "-i", "utf-8", "-l"],
        input="\n".join(candidates),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=20,
        check=False,
    )
    unknown = set(result.stdout.split())
    return [word for word in wrong if not (roots[word] - unknown)]


def _rejected_parts(word: str, rejected: set[str]) -> bool:
    # hunspell splits "anak-anakk" at the hyphen and lists the rejected part only.
    return "-" in word and any(part in rejected for part in word.split("-"))


# --- the advice -------------------------------------------------------------------------
def advise(paragraphs: list[str] | tuple[str, ...]) -> LanguageAdvice:
    """Advice on Indonesian text given as paragraphs (headings and alt texts are paragraphs)."""
    sentences = [s for p in paragraphs for s in split_sentences(p) if _WORD.search(s)]
    limit = max_sentence_words()
    long = tuple(
        LongSentence(count, sentence)
        for sentence in sentences
        if (count := len(_WORD.findall(sentence))) > limit
    )
    wrong = misspelled(_candidates(sentences))
    unchecked = _("Spelling was not checked: hunspell is not installed.")
    notes = () if wrong is not None else (unchecked,)
    return LanguageAdvice(
        misspellings=tuple(wrong or ()),
        long_sentences=long,
        readability=readability(sentences),
        sentence_count=len(sentences),
        word_count=sum(len(_WORD.findall(s)) for s in sentences),
        spelling_checked=wrong is not None,
        notes=notes,
    )


def advise_page(page) -> LanguageAdvice:
    """Advice on what ``page`` reads out (title, lead, body, image alt texts)."""
    from accessibility.spoken import spoken_article

    article = spoken_article(page)
    return advise([article.title, *article.paragraphs])


def language_problems(page, context=None) -> list[str]:
    """The SOP check ``indonesian_language``: misspellings and over-long sentences."""
    return advise_page(page).messages()
