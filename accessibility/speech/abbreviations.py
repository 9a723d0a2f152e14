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
all-capital initialisms need an entry to be read as words ("HUT" -> "hari ulang
tahun"), because unknown ones of up to three letters are spelled.
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
    "Lt.": "Lantai",
    "Pdk.": "Padukuhan",
    "Telp.": "telepon",
    "Tlp.": "telepon",
    "pkl.": "pukul",
    "thn.": "tahun",
    "Kp.": "Kampung",
    "RT": SPELL,
    "DI": SPELL,  # "Daerah Istimewa" before Yogyakarta and Aceh: see normalize
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
    "RI": "Republik Indonesia",
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
    "RPJMDes": "er pe je em des",
    "RPJMKal": "er pe je em kal",
    "RKPDes": "er ka pe des",
    "RKPKal": "er ka pe kal",
    "BUMN": SPELL,
    "BUMD": SPELL,
    "BUMDes": "bumdes",
    "BUMKal": "bumkal",
    "PP": SPELL,  # "Peraturan Pemerintah" before a number: see REGULATION_CONTEXT
    "HUT": "hari ulang tahun",
    "SAR": "sar",
    # --- Regulations (read in full, as the official name is said on air) -----------
    "UU": "Undang-Undang",
    "Perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "Perpres": "Peraturan Presiden",
    "Keppres": "Keputusan Presiden",
    "Inpres": "Instruksi Presiden",
    "Permen": "Peraturan Menteri",
    "Kepmen": "Keputusan Menteri",
    "Permendagri": "Peraturan Menteri Dalam Negeri",
    "Kepmendagri": "Keputusan Menteri Dalam Negeri",
    "Permenkeu": "Peraturan Menteri Keuangan",
    "Permenkes": "Peraturan Menteri Kesehatan",
    "Permendes": "Peraturan Menteri Desa",
    "Permendikbud": "Peraturan Menteri Pendidikan dan Kebudayaan",
    "Pergub": "Peraturan Gubernur",
    "Kepgub": "Keputusan Gubernur",
    "Perda": "Peraturan Daerah",
    "Perdais": "Peraturan Daerah Istimewa",
    "Perbup": "Peraturan Bupati",
    "Kepbup": "Keputusan Bupati",
    "Perwal": "Peraturan Wali Kota",
    "Perdes": "Peraturan Desa",
    "Perkades": "Peraturan Kepala Desa",
    "Perkal": "Peraturan Kalurahan",
    "SK": "Surat Keputusan",
    "Juklak": "petunjuk pelaksanaan",
    "Juknis": "petunjuk teknis",
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
    "Dra.": "Doktoranda",
    "Ns.": "ners",
    "Dr.": "Doktor",
    "dr.": "dokter",
    "Drs.": "Doktorandus",
    "Ir.": "Insinyur",
    "Hj.": "Hajah",
    "K.H.": "Kiai Haji",
    # Ranks (the dotted form is a written abbreviation and is said in full; undotted
    # ranks that are words in speech, such as Letkol, Kompol, Kombes, Mayjen, Iptu,
    # Bripka, are read as they are).
    "Jend.": "Jenderal",
    "Letjen.": "Letnan Jenderal",
    "Mayjen.": "Mayor Jenderal",
    "Brigjen.": "Brigadir Jenderal",
    "Kol.": "Kolonel",
    "Letkol.": "Letnan Kolonel",
    "Kapt.": "Kapten",
    "Inf.": "Infanteri",
    "Kav.": "Kavaleri",
    "Pol.": "Polisi",
    "Purn.": "Purnawirawan",
    "AKBP": SPELL,
    "AKP": SPELL,
    # Degrees after a name: see DEGREES; the few read otherwise than by the rule:
    "S.Psi.": "es psi",
    "M.Psi.": "em psi",
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

# Academic degrees written after a name. Each is read part by part, the way they are
# said aloud: a part of one letter, or of capitals only, is spelled with letter names;
# a part with a vowel is said as a syllable ("S.Sos." -> "es sos", "M.Si." -> "em si",
# "S.Kom." -> "es kom", "A.Md." -> "a em de", "S.IP." -> "es i pe").
DEGREES: tuple[str, ...] = (
    "A.Md.",
    "A.Md.Kep.",
    "A.Md.Keb.",
    "S.Ag.",
    "M.Ag.",
    "S.Ak.",
    "M.Ak.",
    "S.E.",
    "M.E.",
    "S.Farm.",
    "S.H.",
    "M.H.",
    "S.Hum.",
    "M.Hum.",
    "S.IP.",
    "S.I.K.",
    "S.Kep.",
    "S.Kes.",
    "M.Kes.",
    "S.Kom.",
    "M.Kom.",
    "S.KM.",
    "M.M.",
    "M.Eng.",
    "M.Sc.",
    "Sp.A.",
    "Sp.OG.",
    "Sp.PD.",
    "S.P.",
    "M.P.",
    "S.Pd.",
    "M.Pd.",
    "S.Pd.I.",
    "S.Pt.",
    "S.Si.",
    "M.Si.",
    "S.Sos.",
    "S.T.",
    "M.T.",
    "S.TP.",
    "S.Tr.Kes.",
    "S.Th.I.",
)

# Dotted abbreviations that may also end a sentence: when one is followed by a
# capital letter or the end of the paragraph, a full stop is kept after its words.
SENTENCE_FINAL: frozenset[str] = frozenset(
    {"dll.", "dsb.", "dst.", "dkk.", "Tbk."}
    | {key for key in (*ABBREVIATIONS, *DEGREES) if key.startswith(("S.", "M.", "A.", "Sp."))}
    # degrees after names
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
    "Km": "kilometer",
    "KM": "kilometer",
    "Kg": "kilogram",
    "KG": "kilogram",
    "Ha": "hektare",
    "°C": "derajat Celsius",
    "° C": "derajat Celsius",
    "°": "derajat",
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
