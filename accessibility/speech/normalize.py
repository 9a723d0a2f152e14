"""Indonesian text normaliser run before text-to-speech.

espeak-ng's ``id`` voice reads "09.00" as "nol sembilan titik nol nol", spells or
mangles "WIB" and reads "PPID" as one syllable. :func:`normalize` rewrites numbers,
dates, times, money, percentages, ordinals, phone numbers and abbreviations into
the words an Indonesian newsreader (RRI/TVRI style) would say, so that the TTS
engine only has to pronounce ordinary words.

Reading conventions chosen (documented here because they are choices):

* Cardinal numbers follow KBBI/PUEBI: "seribu", "seratus", "sebelas", "dua belas",
  "dua puluh", "satu juta", "satu miliar", "satu triliun"; "1.500.000" (dots group
  thousands) -> "satu juta lima ratus ribu". Years are read as numbers
  ("2025" -> "dua ribu dua puluh lima").
* Decimals use the comma: "2,5" -> "dua koma lima"; the digits after the comma are
  read one by one ("0,75" -> "nol koma tujuh lima").
* Times "HH.MM" / "HH:MM" (hour 0-24, two-digit minutes) are always times:
  "09.00" -> "sembilan", "09.30" -> "sembilan lewat tiga puluh menit" (the formal
  radio reading; "setengah sepuluh" is colloquial and easy to mishear), "00.00" ->
  "nol nol". WIB/WITA/WIT are read in full ("Waktu Indonesia Barat").
* Ranges with a dash between numbers or times become "sampai": "1-3 jam" ->
  "satu sampai tiga jam". A dash between words without spaces is also "sampai"
  ("Yogyakarta–Solo"); a spaced dash is a pause (comma).
* Dates "17/08/2025", "17-08-2025" and "2025-08-17" -> "tujuh belas Agustus dua
  ribu dua puluh lima"; "17 Agustus 2025" needs no special handling.
* Ordinals: a number of one word takes the prefix, "ke-3" -> "ketiga", "ke-1" ->
  "kesatu"; a number of several words is said after "ke", "ke-17" -> "ke tujuh belas",
  "HUT ke-80" -> "hari ulang tahun ke delapan puluh" (said the same way, and the TTS
  does not take "kedelapan" for a word of its own).
* Money: "Rp 1.500.000", "Rp1,5 juta", "Rp 2.500,-", "Rp 2.500,00" -> "... rupiah".
* Phone numbers (leading 0 or +62, at least 9 digits) and other long digit runs
  (NIK, NIP: 9 digits or more without dots) and numbers with a leading zero
  ("No. 05") are read digit by digit; phone groups are separated by a short pause.
* Abbreviations come from :mod:`accessibility.speech.abbreviations` (data, easy to
  extend). Unknown all-capital initialisms of two or three letters, or longer ones
  that cannot be pronounced as a word ("BPBD"), are spelled with Indonesian
  letter names; pronounceable ones ("KORPRI") are left to the TTS. Lines written
  mostly in capitals (headlines) are left alone.
* Regulations are said by their full name: "Perbup" -> "Peraturan Bupati", "UU" ->
  "Undang-Undang", "SK" -> "Surat Keputusan"; "PP" and "SE" only before a number or
  an issuer ("PP Nomor 43"); "Perbup No. 12/2024" -> "Peraturan Bupati Nomor dua
  belas Tahun dua ribu dua puluh empat".
* Titles before a name are said in full ("Dr." -> "Doktor", "Ir." -> "Insinyur",
  "Kol." -> "Kolonel"); undotted ranks that are words in speech (Letkol, Kompol,
  Kombes) are left to the TTS, initialisms (AKBP, AKP) are spelled. Degrees after a
  name are said part by part as Indonesians say them: a part of one letter or of
  capitals is spelled, a part with a vowel is a syllable: "S.Sos." -> "es sos",
  "M.Si." -> "em si", "S.Pd." -> "es pe de", "A.Md." -> "a em de", "S.IP." -> "es i
  pe" (see :func:`degree_reading` and ``DEGREES``).
* Units after a number are said in full ("5 Km" -> "lima kilometer", "34°C" ->
  "tiga puluh empat derajat Celsius", "120 m²" -> "seratus dua puluh meter
  persegi"); "Km 5" on a road is "kilometer lima".
* "RI" is "Republik Indonesia"; "DI Yogyakarta" is "Daerah Istimewa Yogyakarta"
  (elsewhere "DI" is spelled: it is also "Daerah Irigasi").
* Known limits: a dash between two numbers is always a range, so football scores
  ("menang 2-1") become "dua sampai satu"; "5,6, dan 7" reads "lima koma enam";
  Roman numerals are converted only after regnal names (Hamengku Buwono X ->
  "kesepuluh"), after counting nouns (Dusun, RT, RW, Bab, Pasal, Kelas, Sesi,
  tahap...; only I, V and X there, so "Paket C" stays a letter) or when they are two
  or more of I/V/X standing alone; a lone "I" elsewhere ("Puskesmas Kasihan I") is
  left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .abbreviations import (
    ABBREVIATIONS,
    DEGREES,
    LETTER_NAMES,
    REGNAL_NAMES,
    SENTENCE_FINAL,
    SPELL,
    UNITS,
)

__all__ = ["degree_reading", "digits_to_words", "normalize", "number_to_words", "spell_letters"]

ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
MONTHS = (
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
_MAX_CARDINAL = 10**15


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words.append(f"{ONES[hundreds]} ratus")
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words.append(f"{ONES[rest - 10]} belas")
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(f"{ONES[tens]} puluh" + (f" {ONES[units]}" if units else ""))
    elif rest:
        words.append(ONES[rest])
    return " ".join(words)


def number_to_words(n: int) -> str:
    """Indonesian cardinal: 1500000 -> "satu juta lima ratus ribu".

    Numbers of 10^15 and more are read digit by digit.
    """
    if n < 0:
        return "minus " + number_to_words(-n)
    if n == 0:
        return "nol"
    if n >= _MAX_CARDINAL:
        return digits_to_words(str(n))
    words: list[str] = []
    for value, name in _SCALES:
        group, n = divmod(n, value)
        if group == 1 and name == "ribu":
            words.append("seribu")
        elif group:
            words.append(f"{_below_thousand(group)} {name}")
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)


def digits_to_words(digits: str) -> str:
    """Read every digit on its own: "0274" -> "nol dua tujuh empat"."""
    return " ".join(ONES[int(c)] for c in digits if c.isdigit())


def spell_letters(acronym: str) -> str:
    """Spell with Indonesian letter names: "PPID" -> "pe pe i de"."""
    return " ".join(LETTER_NAMES.get(c.lower(), c) for c in acronym if c.isalnum())


def _roman_to_int(roman: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(roman):
        v = values[ch]
        if i + 1 < len(roman) and values[roman[i + 1]] > v:
            total -= v
        else:
            total += v
    # Reject malformed numerals such as "IIII" or "VX".
    return total if 0 < total < 400 and _int_to_roman(total) == roman else None


def _int_to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")):
        while n >= value:
            out.append(sym)
            n -= value
    for value, sym in ((5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


# --- building blocks -------------------------------------------------------------
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"  # integer, optionally with thousands dots
_DEC = rf"(?:{_NUM})(?:,\d+)?"  # with an optional decimal comma
_B = r"(?<![\w.,])"  # a number starts here (not inside another number or word)
_E = r"(?![\w]|[.,]\d)"  # and ends here


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _amount(text: str) -> str:
    """Words for "1.500", "2,5", "2.500,00" (zero decimals are dropped)."""
    whole, _, frac = text.partition(",")
    words = number_to_words(_int(whole))
    if frac and frac.strip("0"):
        words += " koma " + digits_to_words(frac)
    return words


def _sub(
    pattern: str, repl: Callable[[re.Match[str]], str], flags: int = 0
) -> Callable[[str], str]:
    """A pipeline step replacing every match of ``pattern`` with ``repl(match)``."""
    compiled = re.compile(pattern, flags)

    def apply(text: str) -> str:
        return compiled.sub(repl, text)

    return apply


# --- steps -------------------------------------------------------------------------
_CLEAN = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": None,
        "\u00ad": None,
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_CLEAN)


# A word the TTS can say: Indonesian-like syllables, onsets of one consonant or a
# common cluster (PR, KR, ST...), codas of one consonant or NG.
_C = "[B-DF-HJ-NP-TV-Z]"
_SYLLABLES = re.compile(
    rf"(?:(?:NG|NY|SY|KH|S[TPK]|{_C}[RLWY]?)?[AEIOU]{{1,2}}(?:NG|{_C}(?![AEIOU]))?)+"
)


_TLD = r"(?:go\.id|co\.id|ac\.id|sch\.id|or\.id|desa\.id|web\.id|my\.id|id|com|org|net)"


def _speak_address(m: re.Match[str]) -> str:
    text = re.sub(r"^https?://", "", m.group(0))
    parts = re.split(r"([.@/:_-])", text)
    names = {".": "titik", "@": "et", "/": "garis miring", ":": "titik dua", "_": "garis bawah"}
    names["-"] = "strip"
    out = []
    for part in parts:
        if part in names:
            out.append(names[part])
        elif part.lower() in {"www", "id"} or (
            part.isalpha() and not _SYLLABLES.fullmatch(part.upper())
        ):
            out.append(spell_letters(part))
        elif part.isdigit():
            out.append(digits_to_words(part))
        elif part:
            out.append(part)
    return " ".join(out)


_addresses = _sub(
    rf"(?<![\w@.])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.{_TLD}"
    rf"|(?:https?://)?(?:[a-z0-9-]+\.)+{_TLD}(?:/[\w/.-]*\w)?)(?![\w@])",
    _speak_address,
    re.IGNORECASE,
)


def _phone(m: re.Match[str]) -> str:
    text = m.group(0)
    if sum(c.isdigit() for c in text) < 9:
        return text
    groups = re.findall(r"\+?\d+", text)
    words = [("plus " if g.startswith("+") else "") + digits_to_words(g) for g in groups]
    return ", ".join(words)


_phones = _sub(
    r"(?<![\w.,+])(?:\+62[\s-]?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})(?:[\s-]?\d{3,8}){1,3}(?![\w]|[.,]\d)",
    _phone,
)
_long_ids = _sub(r"(?<![\w.,])\d{9,}(?![\w]|[.,]\d)", lambda m: digits_to_words(m.group(0)))


def _date(day: str, month: str, year: str) -> str | None:
    d, mo = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return f"{number_to_words(d)} {MONTHS[mo]} {number_to_words(int(year))}"


_dates_dmy = _sub(
    r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\w/-]|[.,]\d)",
    lambda m: _date(m.group(1), m.group(3), m.group(4)) or m.group(0),
)
_dates_iso = _sub(
    r"(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w/-]|[.,]\d)",
    lambda m: _date(m.group(3), m.group(2), m.group(1)) or m.group(0),
)


def _rt_rw(m: re.Match[str]) -> str:
    return f"{spell_letters(m.group(1))} {number_to_words(int(m.group(2)))}"


_rt_rw_slash = _sub(r"(?<=\d)\s?/\s?(?=R[TW]\b)", lambda m: ", ")
_rt_rw_numbers = _sub(r"\b(RT|RW)\.?\s?0*(\d+)(?!\d)", _rt_rw)

_ranges = _sub(r"(?<=\d)(?:\s?[-–—]\s?)(?=\d)", lambda m: " sampai ")

_SCALE_WORDS = {
    "ribu": "ribu",
    "rb": "ribu",
    "juta": "juta",
    "jt": "juta",
    "miliar": "miliar",
    "milyar": "miliar",
    "M": "miliar",
    "triliun": "triliun",
    "T": "triliun",
}
_CURRENCIES = {"Rp": "rupiah", "Rp.": "rupiah", "US$": "dolar Amerika Serikat", "$": "dolar"}
_CURRENCIES["€"] = "euro"


def _money(m: re.Match[str]) -> str:
    words = _amount(m.group(2))
    if m.group(3):
        words += " " + _SCALE_WORDS[m.group(3)]
    return f"{words} {_CURRENCIES[m.group(1)]}"


_money_step = _sub(
    rf"(?<!\w)(Rp\.?|US\$|\$|€)\s?({_DEC})(?:\s?({'|'.join(_SCALE_WORDS)})(?!\w))?(?:,[-–—])?",
    _money,
)
_percent = _sub(rf"{_B}({_DEC})\s?%", lambda m: _amount(m.group(1)) + " persen")


def _ordinal(m: re.Match[str]) -> str:
    words = number_to_words(_int(m.group(2)))
    # One word takes the prefix ("ketiga"); several are said after "ke" ("ke delapan puluh").
    return m.group(1) + "e" + (" " if " " in words else "") + words


_ordinals = _sub(rf"\b([Kk])e-\s?({_NUM})(?![\d]|[.,]\d)", _ordinal)


def _time(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour == 0 and minute == 0:
        return "nol nol"
    words = number_to_words(hour)
    if minute:
        words += f" lewat {number_to_words(minute)} menit"
    return words


_times = _sub(r"(?<![\w.,:])([01]?\d|2[0-4])[.:]([0-5]\d)(?![\w]|[.,:]\d)", _time)


def _regnal(m: re.Match[str]) -> str:
    value = _roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    return m.group(1) + " " + ("pertama" if value == 1 else "ke" + number_to_words(value))


_regnal_step = _sub(rf"\b({'|'.join(REGNAL_NAMES)})\s+([IVXLC]+)\b", _regnal)
_COUNTING_NOUNS = (
    "bab|pasal|ayat|jilid|tahap|abad|kelas|golongan|semester|triwulan|gelombang|angkatan|"
    "sesi|putaran|babak|tingkat|seri|kodam|korem|zona|wilayah|paket|lot|"
    "dusun|padukuhan|pedukuhan|dukuh|rt|rw|komisi|lantai|kelompok|regu|pos|edisi|volume|tanam"
)


def _roman_cardinal(m: re.Match[str]) -> str:
    value = _roman_to_int(m.group(2))
    return m.group(0) if value is None else f"{m.group(1)} {number_to_words(value)}"


# Only I, V and X after a noun: "Paket C" and "Blok C" are letters, not a hundred.
_roman_after_noun = _sub(rf"\b({_COUNTING_NOUNS})\s+([IVX]+)\b", _roman_cardinal, re.I)


def _grade(m: re.Match[str]) -> str:
    value = _roman_to_int(m.group(2))
    if value is None:
        return m.group(0)
    noun = "golongan" if m.group(1) == "Gol." else m.group(1)
    return f"{noun} {number_to_words(value)} {m.group(3)}"


# A civil servant's grade "Golongan III/a" is said "golongan tiga a".
_civil_service_grade = _sub(r"\b(Golongan|golongan|Gol\.)\s+([IV]+)\s?/\s?([a-e])\b", _grade)

_roman_alone = _sub(
    r"(?<![\w.-])([IVX]{2,})(?![\w])",
    lambda m: number_to_words(v) if (v := _roman_to_int(m.group(1))) else m.group(0),
)

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_units = _sub(
    rf"{_B}({_DEC})\s?({_UNIT_ALT})(?![\w²³])",
    lambda m: f"{_amount(m.group(1))} {UNITS[m.group(2)]}",
)
_unit_before_number = _sub(r"(?<![\w.])(?:Km|KM|km)\s?(?=\d)", lambda m: "kilometer ")
_times_x = _sub(rf"{_B}({_NUM})x(?!\w)", lambda m: number_to_words(_int(m.group(1))) + " kali")
_per_unit = _sub(
    r"(?<=\w)/(jam|hari|minggu|bulan|tahun|orang|KK|kg|km|ha|m2|liter|ton)\b",
    lambda m: " per " + UNITS.get(m.group(1), m.group(1)),
)
_decades = _sub(rf"{_B}({_NUM})-an\b", lambda m: number_to_words(_int(m.group(1))) + "an")
_number_slash = _sub(r"(?<=\d)/(?=\d)", lambda m: " garis miring ")
_split_alnum = _sub(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)", lambda m: " ")
_decimals = _sub(rf"{_B}({_NUM},\d+){_E}", lambda m: _amount(m.group(1)))
_leading_zero = _sub(rf"{_B}0\d+{_E}", lambda m: digits_to_words(m.group(0)))
_integers = _sub(rf"{_B}({_NUM})(?!\d)", lambda m: number_to_words(_int(m.group(1))))
# "1446 H" (the Hijri year) and "H-3 Lebaran" (three days before).
_hijri = _sub(r"(?<=\d{4})\s?H\b(?!-)", lambda m: " Hijriah")
_days_before = _sub(r"\bH([-+])(?=\d)", lambda m: "ha min " if m.group(1) == "-" else "ha plus ")
_until_done = _sub(r"\s?-\s?(?=selesai\b)", lambda m: " sampai ")
_haji = _sub(r"\bH\.\s?(?=[A-Z][a-z])", lambda m: "Haji ")


_REGULATION_WORDS = "|".join(
    sorted(
        (k for k, v in ABBREVIATIONS.items() if v.startswith(("Peraturan", "Undang", "Keputusan"))),
        key=len,
        reverse=True,
    )
)
# "Perbup No. 12/2024", "UU 6/2014": a regulation's number and year -> "Nomor 12 Tahun 2024".
_regulation_number = _sub(
    rf"\b({_REGULATION_WORDS}|PP|SE|Peraturan|Keputusan|Surat Edaran|Undang-Undang)"
    r"((?:\s+(?!No\b|Nomor\b)[A-Z][\w-]*){0,3}?)"  # the issuer: "Bupati", "DIY", "Desa"
    r"\s+(?:(?:No\.|Nomor)\s?)?(\d+)\s?/\s?((?:19|20)\d\d)(?![\w/])",
    lambda m: f"{m.group(1)}{m.group(2)} Nomor {m.group(3)} Tahun {m.group(4)}",
)
# Two-letter forms that are only a regulation or a letter before its number or issuer.
_regulation_context = _sub(
    r"\b(PP|SE)(?=\s+(?:No\.|Nomor|\d|Bupati|Gubernur|Wali Kota|Menteri|Sekda|Lurah|Panewu))",
    lambda m: {"PP": "Peraturan Pemerintah", "SE": "Surat Edaran"}[m.group(1)],
)
_special_region = _sub(r"\bDI(?=\s+(?:Yogyakarta|Jogja|Aceh)\b)", lambda m: "Daerah Istimewa")


def degree_reading(degree: str) -> str:
    """How an academic degree after a name is said: "S.Sos." -> "es sos", "A.Md." -> "a em de".

    Each dot-separated part of one letter, or of capitals only, is spelled with letter
    names; a part with a vowel is said as a syllable.
    """
    words = []
    for part in filter(None, degree.split(".")):
        if len(part) == 1 or part.isupper() or not re.search("[aeiou]", part.lower()):
            words.append(spell_letters(part))
        else:
            words.append(part.lower())
    return " ".join(words)


def _abbreviation_table() -> dict[str, str]:
    table = {degree: degree_reading(degree) for degree in DEGREES}
    table.update(ABBREVIATIONS)
    for key, value in ABBREVIATIONS.items():
        if key.endswith(".") and key[0].islower() and value != SPELL:
            # Sentence-initial form: "Yth." -> "Yang terhormat".
            table.setdefault(key[0].upper() + key[1:], value[0].upper() + value[1:])
    return table


_ABBR = _abbreviation_table()
_ABBR_RE = re.compile(
    "|".join(
        r"(?<![\w.])" + re.escape(key) + ("" if key.endswith(".") else r"(?!\w)")
        for key in sorted(_ABBR, key=len, reverse=True)
    )
)
_SENTENCE_END = re.compile(r"\s*(?:$|\n|[\"'(]?[A-Z])")


def _abbreviations(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        key = m.group(0)
        value = _ABBR[key]
        words = spell_letters(key) if value == SPELL else value
        rest = text[m.end() :]
        if key.endswith("."):
            base = key[0].lower() + key[1:]
            if (key in SENTENCE_FINAL or base in SENTENCE_FINAL) and _SENTENCE_END.match(rest):
                words += "."
            elif rest[:1].isalnum():
                words += " "
        return words

    return _ABBR_RE.sub(repl, text)


def _acronyms(text: str) -> str:
    def line(segment: str) -> str:
        letters = [c for c in segment if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
            return segment  # a headline in capitals: leave it to the TTS

        def repl(m: re.Match[str]) -> str:
            word = m.group(0)
            if len(word) <= 3 or not _SYLLABLES.fullmatch(word):
                return spell_letters(word)
            return word

        return re.sub(r"(?<![\w])[A-Z]{2,6}(?![\w])", repl, segment)

    return "\n".join(line(segment) for segment in text.split("\n"))


def _redundant_parentheticals(text: str) -> str:
    """Drop "(Pemerintah Kabupaten)" right after "Pemerintah Kabupaten": said once."""

    def repl(m: re.Match[str]) -> str:
        inner = " ".join(m.group(1).split()).lower()
        before = " ".join(text[: m.start()].split()).lower()
        return "" if inner and before.endswith(inner) else m.group(0)

    return re.sub(r"\s*\(([^()]{1,80})\)", repl, text)


def _symbols(text: str) -> str:
    text = re.sub(r"\s+[-–—]+\s+", ", ", text)  # spaced dash: a pause
    text = re.sub(r"(?<=\w)[–—](?=\w)", " sampai ", text)
    text = re.sub(r"#(?=\w)", "tagar ", text)
    text = text.replace("&", " dan ").replace("%", " persen").replace("=", " sama dengan ")
    text = re.sub(r"(?<=\w)\s?\+\s?(?=\w)", " plus ", text)
    text = re.sub(r"[*_|~^]", " ", text)
    text = re.sub(r"\s*/\s*", " ", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?=[^\s\d\"')\]])", r"\1 ", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    return "\n".join(line.strip() for line in text.split("\n"))


_PIPELINE: tuple[Callable[[str], str], ...] = (
    _clean,
    _addresses,
    _rt_rw_slash,
    _rt_rw_numbers,
    _regulation_number,
    _regulation_context,
    _days_before,
    _dates_dmy,
    _dates_iso,
    _phones,
    _long_ids,
    _ranges,
    _money_step,
    _ordinals,
    _percent,
    _times,
    _regnal_step,
    _civil_service_grade,
    _roman_after_noun,
    _units,
    _unit_before_number,
    _times_x,
    _per_unit,
    _number_slash,
    _decades,
    _hijri,
    _split_alnum,
    _decimals,
    _leading_zero,
    _integers,
    _until_done,
    _haji,
    _special_region,
    _abbreviations,
    _redundant_parentheticals,
    _roman_alone,
    _acronyms,
    _symbols,
)


def normalize(text: str) -> str:
    """Rewrite Indonesian news text into words for the TTS engine.

    Paragraph breaks (newlines) are kept; everything else is one line per paragraph.
    """
    for step in _PIPELINE:
        text = step(text)
    return text.strip()
