"""How abbreviations in Indonesian government news are read aloud.

This is data, not code: add a line to extend it.

* A value that is a string is what a newsreader says instead of the key.
* ``SPELL`` means the key is read letter by letter with Indonesian letter names
  ("PPID" -> "pe pe i de"), which is how readers say most initialisms.

Keys are matched case-sensitively as whole words ("Kab." does not match "kab." on
purpose: lower-case dotted forms are listed separately where they occur in print).
A key that is a lower-case dotted form is also matched with its first letter
capitalised at the start of a sentence ("Yth." as well as "yth."). Keys ending in
"." swallow their own period; the ones in ``SENTENCE_FINAL`` keep a full stop when
they end a sentence ("... dan sebagainya.").

Words that are already pronounceable and are not abbreviations in speech
(Kapanewon, Panewu, Kalurahan, Bupati, Musrenbang, Puskesmas, Polri, Polsek,
Kapolsek, Kodim...) are deliberately absent: the TTS reads them as they are. Only
all-capital initialisms need an entry to be read as a word ("HUT" -> "hut"),
because unknown ones of up to three letters are spelled.
"""

from __future__ import annotations

SPELL = "\x00spell"

ABBREVIATIONS: dict[str, str] = {
    # --- Places and addresses ----------------------------------------------------
    "Kab.": "Kabupaten",
    "Kec.": "Kecamatan",
    "Kel.": "Kelurahan",
    "Ds.": "Desa",
    "Dsn.": "Dusun",
    "Prov.": "Provinsi",
    "Jl.": "Jalan",
    "Jln.": "Jalan",
    "Gg.": "Gang",
    "No.": "Nomor",
    "Km.": "kilometer",
    "Kp.": "Kampung",
    "RT": SPELL,
    "RW": SPELL,
    "DIY": SPELL,
    "DKI": SPELL,
    "NTB": SPELL,
    "NTT": SPELL,
    # --- Government bodies and offices ---------------------------------------------
    "Pemkab": "Pemerintah Kabupaten",
    "Pemprov": "Pemerintah Provinsi",
    "Pemkot": "Pemerintah Kota",
    "Pemdes": "Pemerintah Desa",
    "Pemkal": "Pemerintah Kalurahan",
    "Pemda": "Pemerintah Daerah",
    "Diskominfo": "Dinas Komunikasi dan Informatika",
    "Dinkes": "Dinas Kesehatan",
    "Disdik": "Dinas Pendidikan",
    "Dispar": "Dinas Pariwisata",
    "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "PPID": SPELL,
    "OPD": SPELL,
    "DPMK": SPELL,
    "DPRD": SPELL,
    "DPR": SPELL,
    "BPBD": SPELL,
    "BPD": SPELL,
    "BPS": SPELL,
    "BPJS": SPELL,
    "KPU": SPELL,
    "RSUD": SPELL,
    "TNI": SPELL,
    "RI": SPELL,
    "NKRI": SPELL,
    "ASN": SPELL,
    "PNS": SPELL,
    "PKK": SPELL,
    "KTP": SPELL,
    "NIK": SPELL,
    "KK": SPELL,
    "UMKM": SPELL,
    "APBN": SPELL,
    "APBD": SPELL,
    "APBDes": "a pe be des",
    "APBKal": "a pe be kal",
    "BUMN": SPELL,
    "BUMD": SPELL,
    "BUMDes": "bumdes",
    "BUMKal": "bumkal",
    "PP": SPELL,
    "HUT": "hut",
    # --- Offices and titles --------------------------------------------------------
    "Wabup": "Wakil Bupati",
    "Wawali": "Wakil Wali Kota",
    "Wagub": "Wakil Gubernur",
    "Sekda": "Sekretaris Daerah",
    "Sekdin": "Sekretaris Dinas",
    "Sekdes": "Sekretaris Desa",
    "Kadis": "Kepala Dinas",
    "Kades": "Kepala Desa",
    "Kabid": "Kepala Bidang",
    "Kabag": "Kepala Bagian",
    "Kasubbag": "Kepala Subbagian",
    "Kasubag": "Kepala Subbagian",
    "Kasi": "Kepala Seksi",
    "Plt.": "Pelaksana Tugas",
    "Plh.": "Pelaksana Harian",
    "Prof.": "Profesor",
    "Dr.": "Doktor",
    "dr.": "dokter",
    "Drs.": "Doktorandus",
    "Ir.": "Insinyur",
    "Hj.": "Hajah",
    "K.H.": "Kiai Haji",
    # Academic degrees after a name are read as letters, as newsreaders do.
    "S.Pd.": "es pe de",
    "M.Pd.": "em pe de",
    "S.E.": "es e",
    "S.H.": "es ha",
    "M.H.": "em ha",
    "S.T.": "es te",
    "M.T.": "em te",
    "M.M.": "em em",
    "M.Si.": "em si",
    "S.Si.": "es si",
    "S.Sos.": "es sos",
    "S.IP.": "es i pe",
    "S.Kom.": "es kom",
    "M.Kes.": "em kes",
    "S.Ag.": "es ag",
    "M.Ag.": "em ag",
    # --- Time zones ----------------------------------------------------------------
    "WIB": "Waktu Indonesia Barat",
    "WITA": "Waktu Indonesia Tengah",
    "WIT": "Waktu Indonesia Timur",
    # --- Running text ----------------------------------------------------------------
    "dll.": "dan lain-lain",
    "dsb.": "dan sebagainya",
    "dst.": "dan seterusnya",
    "dkk.": "dan kawan-kawan",
    "yth.": "yang terhormat",
    "a.n.": "atas nama",
    "u.p.": "untuk perhatian",
    "s.d.": "sampai dengan",
    "s/d": "sampai dengan",
    "tgl.": "tanggal",
    "Tbk.": "terbuka",
    "PT": SPELL,
    "CV": SPELL,
}

# Dotted abbreviations that may also end a sentence: when one is followed by a
# capital letter or the end of the paragraph, a full stop is kept after its words.
SENTENCE_FINAL: frozenset[str] = frozenset(
    {"dll.", "dsb.", "dst.", "dkk.", "Tbk."}
    | {key for key in ABBREVIATIONS if key.startswith(("S.", "M."))}  # degrees after names
)

# Indonesian names of the letters, used for SPELL and for unknown initialisms.
LETTER_NAMES: dict[str, str] = {
    "a": "a",
    "b": "be",
    "c": "ce",
    "d": "de",
    "e": "e",
    "f": "ef",
    "g": "ge",
    "h": "ha",
    "i": "i",
    "j": "je",
    "k": "ka",
    "l": "el",
    "m": "em",
    "n": "en",
    "o": "o",
    "p": "pe",
    "q": "ki",
    "r": "er",
    "s": "es",
    "t": "te",
    "u": "u",
    "v": "ve",
    "w": "we",
    "x": "eks",
    "y": "ye",
    "z": "zet",
}

# Units read after a number ("5 km" -> "lima kilometer").
UNITS: dict[str, str] = {
    "km": "kilometer",
    "m": "meter",
    "cm": "sentimeter",
    "mm": "milimeter",
    "m2": "meter persegi",
    "m²": "meter persegi",
    "m3": "meter kubik",
    "m³": "meter kubik",
    "ha": "hektare",
    "kg": "kilogram",
    "gr": "gram",
    "ton": "ton",
    "liter": "liter",
    "l": "liter",
    "ml": "mililiter",
    "MW": "megawatt",
    "kW": "kilowatt",
    "kWh": "kilowatt jam",
    "mdpl": "meter di atas permukaan laut",
}

# Titles after which a Roman numeral is an ordinal ("Hamengku Buwono X" -> "kesepuluh").
REGNAL_NAMES: tuple[str, ...] = (
    "Hamengku Buwono",
    "Hamengkubuwono",
    "Paku Alam",
    "Pakualam",
    "Pakubuwono",
    "Paku Buwono",
    "Mangkunegara",
)
