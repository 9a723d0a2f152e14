"""Indonesian grade 1 braille through liblouis: Unicode braille, BRF pages, back-translation.

liblouis is called through ctypes (``liblouis.so.20``, Debian package
``liblouis20``) rather than the ``lou_translate`` CLI, because the CLI cuts input
lines at 2,047 bytes and interprets backslash escapes in the text. The table is
the shipped ``tables/id-id-g1.utb`` (see ``README.md`` beside this file), which
includes standard tables from liblouis's system directory (Debian package
``liblouis-data``). Both directories are put on ``LOUIS_TABLEPATH`` and the table
list passed to liblouis uses absolute paths.

Before translation, text goes through :func:`prepare_text`: curly quotes become
straight quotes, "…" becomes "...", an em dash becomes an en dash, accented Latin
letters lose their accents and characters with no braille sign in the table
(emoji, for instance) are dropped. Braille does not tell those apart, so
``back_translate(to_unicode_braille(t)) == prepare_text(t)``; no capitalisation
information is lost.
"""

from __future__ import annotations

import ctypes
import os
import re
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "BrailleError",
    "BrailleFailed",
    "BrailleUnavailable",
    "LibLouis",
    "TABLE_PATH",
    "back_translate",
    "brf_to_unicode",
    "page_number_cells",
    "prepare_text",
    "to_brf",
    "to_unicode_braille",
    "unicode_to_brf",
]

TABLES_DIR = Path(__file__).resolve().parent / "tables"
TABLE_PATH = TABLES_DIR / "id-id-g1.utb"
SYSTEM_TABLE_DIRS = (
    Path("/usr/share/liblouis/tables"),
    Path("/usr/local/share/liblouis/tables"),
)
LIBRARY = "liblouis.so.20"

# North American ASCII braille (BRF): character for each 6-dot cell, indexed by
# the cell's dot bits (dot 1 = bit 0 ... dot 6 = bit 5), as Unicode braille is.
_BRF_CHARS = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
_UNICODE_TO_BRF = {chr(0x2800 + i): c for i, c in enumerate(_BRF_CHARS)}
_BRF_TO_UNICODE = {c: chr(0x2800 + i) for i, c in enumerate(_BRF_CHARS)}
_BLANK = "\u2800"


class BrailleError(Exception):
    """Base class of braille errors."""


class BrailleUnavailable(BrailleError):
    """liblouis or its tables are not installed."""

    def __init__(self, what: str, debian_package: str) -> None:
        self.debian_package = debian_package
        super().__init__(
            f"{what}; install the Debian package '{debian_package}' "
            f"(apt-get install -y {debian_package})."
        )


class BrailleFailed(BrailleError):
    """liblouis refused the table or the text."""


# --- text preparation ----------------------------------------------------------------
_PREPARE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2026": "...",
        "\u2014": "\u2013",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_SUPPORTED = set(map(chr, range(0x20, 0x7F))) | {"\u2013", "\u00b1", "\u20ac", "\n"}


def prepare_text(text: str) -> str:
    """The text as the braille will give it back (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_PREPARE)
    out = []
    for ch in text:
        if ch in _SUPPORTED:
            out.append(ch)
        else:
            base = [c for c in unicodedata.normalize("NFKD", ch) if c in _SUPPORTED]
            out.append("".join(base))
    text = "".join(out)
    text = re.sub(r"\r\n?", "\n", text)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


# --- liblouis through ctypes --------------------------------------------------------
_LOCK = threading.RLock()  # liblouis keeps global state and is not thread-safe
_LOG: list[str] = []  # liblouis warnings and errors of the current call


@ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p)
def _on_log(level: int, message: bytes | None) -> None:
    # One process-wide callback, alive as long as the module: liblouis keeps the
    # pointer, so it must never be garbage-collected.
    if message and level >= 30000:  # LOU_LOG_WARN and above
        _LOG.append(message.decode("utf-8", "replace"))


class LibLouis:
    """A loaded liblouis with the Indonesian table. Use the module functions normally."""

    def __init__(
        self,
        library: str = LIBRARY,
        table: Path = TABLE_PATH,
        system_table_dirs: Iterable[Path] = SYSTEM_TABLE_DIRS,
    ) -> None:
        self.library = library
        self.table = Path(table)
        self.system_table_dirs = tuple(Path(d) for d in system_table_dirs)
        self._lib: ctypes.CDLL | None = None
        self._tables = ""

    def _system_dir(self) -> Path:
        for directory in self.system_table_dirs:
            if (directory / "unicode.dis").is_file():
                return directory
        raise BrailleUnavailable(
            "liblouis's standard tables were not found in "
            + ", ".join(map(str, self.system_table_dirs)),
            "liblouis-data",
        )

    def load(self) -> ctypes.CDLL:
        """Load the library and compile the table once; raise if that is impossible."""
        if self._lib is not None:
            return self._lib
        with _LOCK:
            try:
                lib = ctypes.CDLL(self.library)
            except OSError as exc:
                raise BrailleUnavailable(
                    f"the liblouis library {self.library!r} cannot be loaded ({exc})",
                    "liblouis20",
                ) from exc
            system_dir = self._system_dir()
            _extend_table_path(self.table.parent, system_dir)
            lib.lou_charSize.restype = ctypes.c_int
            lib.lou_getTable.restype = ctypes.c_void_p
            lib.lou_getTable.argtypes = [ctypes.c_char_p]
            lib.lou_registerLogCallback(_on_log)
            self._tables = f"{system_dir / 'unicode.dis'},{self.table}"
            _LOG.clear()
            if not lib.lou_getTable(self._tables.encode()):
                raise BrailleFailed(f"liblouis cannot compile {self._tables}: " + " | ".join(_LOG))
            self._char = ctypes.c_uint32 if lib.lou_charSize() == 4 else ctypes.c_uint16
            self._encoding = "utf-32-le" if lib.lou_charSize() == 4 else "utf-16-le"
            self._lib = lib
        return lib

    def available(self) -> bool:
        try:
            self.load()
        except BrailleError:
            return False
        return True

    def forward(self, text: str) -> str:
        """One line of print -> Unicode braille (no text preparation)."""
        return self._translate(text, backward=False)

    def backward(self, braille: str) -> str:
        """One line of Unicode braille -> print."""
        return self._translate(braille, backward=True)

    def _translate(self, text: str, backward: bool) -> str:
        if not text:
            return ""
        lib = self.load()
        fn = lib.lou_backTranslateString if backward else lib.lou_translateString
        data = text.encode(self._encoding)
        size = ctypes.sizeof(self._char)
        length = len(data) // size
        inbuf = (self._char * length).from_buffer_copy(data)
        capacity = max(64, length * 4)
        with _LOCK:
            while True:
                outbuf = (self._char * capacity)()
                inlen, outlen = ctypes.c_int(length), ctypes.c_int(capacity)
                _LOG.clear()
                ok = fn(
                    self._tables.encode(),
                    inbuf,
                    ctypes.byref(inlen),
                    outbuf,
                    ctypes.byref(outlen),
                    None,
                    None,
                    0,
                )
                if not ok:
                    raise BrailleFailed("liblouis failed: " + " | ".join(_LOG))
                if inlen.value >= length or capacity >= length * 32:
                    break
                capacity *= 2  # output buffer too small: liblouis stopped early
        return bytes(outbuf)[: outlen.value * size].decode(self._encoding)


def _extend_table_path(*directories: Path) -> None:
    """Put the shipped and the system table directories on LOUIS_TABLEPATH."""
    current = [p for p in os.environ.get("LOUIS_TABLEPATH", "").split(",") if p]
    for directory in map(str, directories):
        if directory not in current:
            current.append(directory)
    os.environ["LOUIS_TABLEPATH"] = ",".join(current)


_default = LibLouis()


# --- public API ----------------------------------------------------------------------
def to_unicode_braille(text: str, louis: LibLouis | None = None) -> str:
    """Print -> Unicode braille (U+2800 block), for refreshable displays on the page.

    Line breaks are kept; each line is translated on its own.
    """
    louis = louis or _default
    return "\n".join(louis.forward(line) for line in prepare_text(text).split("\n"))


def back_translate(brf_or_unicode: str | bytes, louis: LibLouis | None = None) -> str:
    """Braille (Unicode braille, or BRF text/bytes) -> print, line by line.

    Form feeds (page breaks) count as line breaks; blank lines stay blank.
    """
    louis = louis or _default
    if isinstance(brf_or_unicode, bytes):
        brf_or_unicode = brf_or_unicode.decode("ascii")
    text = brf_or_unicode.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if not any("\u2800" <= ch <= "\u28ff" for ch in text):
        text = brf_to_unicode(text)
    return "\n".join(
        louis.backward(line.replace(" ", _BLANK)).rstrip() for line in text.split("\n")
    )


def unicode_to_brf(braille: str) -> str:
    """Unicode braille cells -> North American ASCII braille (upper-case BRF)."""
    return "".join(_UNICODE_TO_BRF.get(ch, ch) for ch in braille)


def brf_to_unicode(brf: str) -> str:
    """North American ASCII braille -> Unicode braille (either letter case)."""
    return "".join(_BRF_TO_UNICODE.get(ch.upper(), ch) for ch in brf)


def page_number_cells(number: int) -> str:
    """A braille page number: number sign and digits, e.g. 12 -> ⠼⠁⠃."""
    digits = "\u281a\u2801\u2803\u2809\u2819\u2811\u280b\u281b\u2813\u280a"  # 0-9
    return "\u283c" + "".join(digits[int(d)] for d in str(number))


def to_brf(
    title: str,
    paragraphs: Iterable[str],
    cells: int = 40,
    lines: int = 25,
    louis: LibLouis | None = None,
) -> bytes:
    """Embosser-ready BRF: pages of ``lines`` lines of at most ``cells`` cells.

    Layout: the title is centred at the top of page 1, followed by a blank line;
    each paragraph starts in cell 3 and runs over from cell 1. Lines break
    between words; a word longer than a line is the only thing ever split. The
    braille page number (number sign and digits) stands at the right margin of
    the last line of every page (bottom right, as in BANA formats), a line kept
    for it alone. Lines end with CR LF; pages are separated by a form feed.
    """
    if cells < 10 or lines < 3:
        raise ValueError("A braille page needs at least 10 cells and 3 lines.")
    louis = louis or _default
    body: list[str] = []
    title_text = prepare_text(title).replace("\n", " ")
    if title_text:
        for line in _wrap(louis.forward(title_text), cells, indent=0):
            body.append(_BLANK * ((cells - len(line)) // 2) + line)
        body.append("")
    for paragraph in paragraphs:
        text = prepare_text(paragraph).replace("\n", " ")
        if text:
            body.extend(_wrap(louis.forward(text), cells, indent=2))
    text_lines = lines - 1
    pages: list[list[str]] = []
    current: list[str] = []
    for line in body:
        if not current and not line and pages:
            continue  # never start a page with a blank line
        current.append(line)
        if len(current) == text_lines:
            pages.append(current)
            current = []
    if current or not pages:
        pages.append(current)
    out = []
    for number, page in enumerate(pages, start=1):
        page = page + [""] * (text_lines - len(page))
        label = page_number_cells(number)
        page.append(_BLANK * (cells - len(label)) + label)
        rows = [
            unicode_to_brf(row).rstrip() if i < text_lines else unicode_to_brf(row)
            for i, row in enumerate(page)
        ]
        out.append("".join(row + "\r\n" for row in rows))
    return "\f".join(out).encode("ascii")


def _wrap(braille: str, cells: int, indent: int) -> list[str]:
    """Greedy word wrap of one braille paragraph; the first line is indented."""
    result: list[str] = []
    line = _BLANK * indent
    for word in filter(None, braille.split(_BLANK)):
        has_text = line.strip(_BLANK) != ""
        sep = _BLANK if has_text else ""
        if len(line) + len(sep) + len(word) <= cells:
            line += sep + word
            continue
        if has_text:
            result.append(line)
        while len(word) > cells:  # only a word longer than a whole line is split
            result.append(word[:cells])
            word = word[cells:]
        line = word
    if line.strip(_BLANK):
        result.append(line)
    return result
