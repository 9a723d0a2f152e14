"""The Indonesian TTS normaliser on real news-style sentences (no Django, no database)."""

from __future__ import annotations

import pytest

from accessibility.speech.abbreviations import ABBREVIATIONS, SPELL
from accessibility.speech.normalize import digits_to_words, normalize, number_to_words

# Whole sentences as they appear in kabupaten/kalurahan news, and exactly what the
# TTS engine is given for them.
NEWS_SENTENCES = [
    (
        (
            "Panewu Bantul membuka Musrenbang Kalurahan pada Senin, 3 Maret 2025 pukul 09.00 WIB "
            "di Balai Kalurahan Bunder, Jl. Wonosari Km. 5 No. 12."
        ),
        (
            "Panewu Bantul membuka Musrenbang Kalurahan pada Senin, tiga Maret dua ribu dua puluh"
            " lima pukul sembilan Waktu Indonesia Barat di Balai Kalurahan Bunder, Jalan Wonosari"
            " kilometer lima Nomor dua belas."
        ),
    ),
    (
        (
            "Pemkab Bantul menyalurkan bantuan langsung tunai sebesar Rp 1.500.000 kepada 1.250 "
            "keluarga penerima manfaat."
        ),
        (
            "Pemerintah Kabupaten Bantul menyalurkan bantuan langsung tunai sebesar satu juta "
            "lima ratus ribu rupiah kepada seribu dua ratus lima puluh keluarga penerima manfaat."
        ),
    ),
    (
        (
            "Upacara peringatan HUT ke-80 Kemerdekaan RI digelar di Alun-alun Paseh pada Minggu, "
            "17 Agustus 2025 pukul 07.30 WIB."
        ),
        (
            "Upacara peringatan hari ulang tahun ke delapan puluh Kemerdekaan Republik Indonesia "
            "digelar di Alun-alun Paseh pada Minggu, tujuh belas Agustus dua ribu dua puluh lima "
            "pukul tujuh lewat tiga puluh menit Waktu Indonesia Barat."
        ),
    ),
    (
        (
            "Pendaftaran calon perangkat kalurahan dibuka mulai 01/09/2025 sampai 15/09/2025 "
            "melalui laman resmi Pemkal."
        ),
        (
            "Pendaftaran calon perangkat kalurahan dibuka mulai satu September dua ribu dua puluh"
            " lima sampai lima belas September dua ribu dua puluh lima melalui laman resmi "
            "Pemerintah Kalurahan."
        ),
    ),
    (
        (
            "Harga cabai rawit di Pasar Beringharjo naik 25% menjadi Rp 60.000 per kilogram sejak"
            " awal pekan."
        ),
        (
            "Harga cabai rawit di Pasar Beringharjo naik dua puluh lima persen menjadi enam puluh"
            " ribu rupiah per kilogram sejak awal pekan."
        ),
    ),
    (
        (
            "Inflasi tahunan Kota Yogyakarta pada Juli 2025 tercatat 2,5 persen, lebih rendah "
            "dari bulan sebelumnya."
        ),
        (
            "Inflasi tahunan Kota Yogyakarta pada Juli dua ribu dua puluh lima tercatat dua koma "
            "lima persen, lebih rendah dari bulan sebelumnya."
        ),
    ),
    (
        (
            "Bupati Gunungkidul bersama Wabup dan Sekda meninjau lokasi longsor di Kec. Patuk, "
            "Kab. Gunungkidul."
        ),
        (
            "Bupati Gunungkidul bersama Wakil Bupati dan Sekretaris Daerah meninjau lokasi "
            "longsor di Kecamatan Patuk, Kabupaten Gunungkidul."
        ),
    ),
    (
        (
            "Rapat koordinasi PPID dan seluruh OPD dijadwalkan pukul 08.00–12.00 WITA di Aula "
            "Kantor Bupati."
        ),
        (
            "Rapat koordinasi pe pe i de dan seluruh o pe de dijadwalkan pukul delapan sampai dua"
            " belas Waktu Indonesia Tengah di Aula Kantor Bupati."
        ),
    ),
    (
        (
            "Warga RT 03/RW 05 Kel. Bener, Kec. Tegalrejo, mengikuti kerja bakti selama 1-3 jam "
            "setiap Minggu pagi."
        ),
        (
            "Warga er te tiga, er we lima Kelurahan Bener, Kecamatan Tegalrejo, mengikuti kerja "
            "bakti selama satu sampai tiga jam setiap Minggu pagi."
        ),
    ),
    (
        (
            "Pemprov DIY mengalokasikan APBD sebesar Rp1,5 triliun untuk pembangunan jalan dan "
            "jembatan tahun 2026."
        ),
        (
            "Pemerintah Provinsi de i ye mengalokasikan a pe be de sebesar satu koma lima triliun"
            " rupiah untuk pembangunan jalan dan jembatan tahun dua ribu dua puluh enam."
        ),
    ),
    (
        (
            "Tiket masuk kawasan wisata Pantai Parangtritis ditetapkan Rp 10.000,- per orang "
            "untuk wisatawan domestik."
        ),
        (
            "Tiket masuk kawasan wisata Pantai Parangtritis ditetapkan sepuluh ribu rupiah per "
            "orang untuk wisatawan domestik."
        ),
    ),
    (
        (
            "Masyarakat dapat menyampaikan aduan melalui layanan Diskominfo di nomor 0274-367509 "
            "atau WhatsApp 0812-2777-3456."
        ),
        (
            "Masyarakat dapat menyampaikan aduan melalui layanan Dinas Komunikasi dan Informatika"
            " di nomor nol dua tujuh empat, tiga enam tujuh lima nol sembilan atau WhatsApp nol "
            "delapan satu dua, dua tujuh tujuh tujuh, tiga empat lima enam."
        ),
    ),
    (
        (
            "Kapolsek Sewon bersama Danramil dan personel TNI-Polri melakukan patroli gabungan "
            "pada malam pergantian tahun."
        ),
        (
            "Kapolsek Sewon bersama Danramil dan personel te en i-Polri melakukan patroli "
            "gabungan pada malam pergantian tahun."
        ),
    ),
    (
        (
            "Sebanyak 120 pelaku UMKM mengikuti pelatihan pemasaran digital yang diselenggarakan "
            "DPMK, Diskominfo, dll."
        ),
        (
            "Sebanyak seratus dua puluh pelaku u em ka em mengikuti pelatihan pemasaran digital "
            "yang diselenggarakan de pe em ka, Dinas Komunikasi dan Informatika, dan lain-lain."
        ),
    ),
    (
        (
            "Kepala Puskesmas Kasihan I mengimbau warga memeriksakan kesehatan secara rutin "
            "setiap bulan."
        ),
        (
            "Kepala Puskesmas Kasihan I mengimbau warga memeriksakan kesehatan secara rutin "
            "setiap bulan."
        ),
    ),
    (
        (
            "Pemdes Panggungharjo menyerahkan dana APBDes untuk BUMDes sebesar Rp 250 juta pada "
            "tahap II."
        ),
        (
            "Pemerintah Desa Panggungharjo menyerahkan dana a pe be des untuk bumdes sebesar dua "
            "ratus lima puluh juta rupiah pada tahap dua."
        ),
    ),
    (
        (
            "Gempa bermagnitudo 5,2 mengguncang wilayah selatan Jawa pada Kamis (14/08/2025) "
            "pukul 23.15 WIB."
        ),
        (
            "Gempa bermagnitudo lima koma dua mengguncang wilayah selatan Jawa pada Kamis (empat "
            "belas Agustus dua ribu dua puluh lima) pukul dua puluh tiga lewat lima belas menit "
            "Waktu Indonesia Barat."
        ),
    ),
    (
        (
            "Juara ke-1 lomba desa tingkat provinsi akan menerima hadiah Rp 100 juta dari "
            "Gubernur DIY."
        ),
        (
            "Juara kesatu lomba desa tingkat provinsi akan menerima hadiah seratus juta rupiah "
            "dari Gubernur de i ye."
        ),
    ),
    (
        ("Sri Sultan Hamengku Buwono X meresmikan Jembatan Kretek II yang memiliki panjang 350 m."),
        (
            "Sri Sultan Hamengku Buwono kesepuluh meresmikan Jembatan Kretek dua yang memiliki "
            "panjang tiga ratus lima puluh meter."
        ),
    ),
    (
        "Kabid Anggaran dan Kasubbag Umum Sekdin Pendidikan hadir mewakili Kepala Dinas.",
        (
            "Kepala Bidang Anggaran dan Kepala Subbagian Umum Sekretaris Dinas Pendidikan hadir "
            "mewakili Kepala Dinas."
        ),
    ),
    (
        "Yth. Bapak/Ibu Kepala OPD diminta hadir pada rapat pukul 13.30 WIB s.d. selesai.",
        (
            "Yang terhormat Bapak Ibu Kepala o pe de diminta hadir pada rapat pukul tiga belas "
            "lewat tiga puluh menit Waktu Indonesia Barat sampai dengan selesai."
        ),
    ),
    (
        "Surat edaran ditandatangani a.n. Bupati oleh Sekda, Drs. Agus Budiraharja, M.Si.",
        (
            "Surat edaran ditandatangani atas nama Bupati oleh Sekretaris Daerah, Doktorandus "
            "Agus Budiraharja, em si."
        ),
    ),
    (
        "Lahan pertanian seluas 2,75 ha di Kapanewon Sanden terendam banjir setinggi 50 cm.",
        (
            "Lahan pertanian seluas dua koma tujuh lima hektare di Kapanewon Sanden terendam "
            "banjir setinggi lima puluh sentimeter."
        ),
    ),
    (
        (
            "Realisasi pendapatan asli daerah hingga 30 Juni 2025 mencapai 47,8% dari target Rp "
            "650 miliar."
        ),
        (
            "Realisasi pendapatan asli daerah hingga tiga puluh Juni dua ribu dua puluh lima "
            "mencapai empat puluh tujuh koma delapan persen dari target enam ratus lima puluh "
            "miliar rupiah."
        ),
    ),
    (
        (
            "Informasi lebih lanjut dapat diakses melalui laman www.bantulkab.go.id atau surel "
            "ppid@bantulkab.go.id."
        ),
        (
            "Informasi lebih lanjut dapat diakses melalui laman we we we titik bantulkab titik go"
            " titik i de atau surel pe pe i de et bantulkab titik go titik i de."
        ),
    ),
    (
        (
            "Jadwal pelayanan KTP elektronik di kantor Disdukcapil adalah Senin–Jumat pukul "
            "08.00–15.00 WIB."
        ),
        (
            "Jadwal pelayanan ka te pe elektronik di kantor Dinas Kependudukan dan Pencatatan "
            "Sipil adalah Senin sampai Jumat pukul delapan sampai lima belas Waktu Indonesia "
            "Barat."
        ),
    ),
    (
        "Pemkab Sleman menargetkan 17 kalurahan bebas stunting pada 2025/2026.",
        (
            "Pemerintah Kabupaten Sleman menargetkan tujuh belas kalurahan bebas stunting pada "
            "dua ribu dua puluh lima garis miring dua ribu dua puluh enam."
        ),
    ),
    (
        "Upah minimum kabupaten tahun 2025 ditetapkan sebesar Rp 2.360.533,00 per bulan.",
        (
            "Upah minimum kabupaten tahun dua ribu dua puluh lima ditetapkan sebesar dua juta "
            "tiga ratus enam puluh ribu lima ratus tiga puluh tiga rupiah per bulan."
        ),
    ),
    (
        "Sebanyak 1.000.000 bibit pohon dibagikan kepada warga di 75 kapanewon se-DIY.",
        (
            "Sebanyak satu juta bibit pohon dibagikan kepada warga di tujuh puluh lima kapanewon "
            "se-de i ye."
        ),
    ),
    (
        "Pada pukul 00.00 WIT, jam malam mulai berlaku di Kota Jayapura dan Kab. Jayapura.",
        (
            "Pada pukul nol nol Waktu Indonesia Timur, jam malam mulai berlaku di Kota Jayapura "
            "dan Kabupaten Jayapura."
        ),
    ),
    (
        "Peserta diminta hadir 30 menit sebelum acara, membawa alat tulis, dsb.",
        (
            "Peserta diminta hadir tiga puluh menit sebelum acara, membawa alat tulis, dan "
            "sebagainya."
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_SENTENCES)
def test_news_sentences(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (15, "lima belas"),
        (20, "dua puluh"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1945, "seribu sembilan ratus empat puluh lima"),
        (2025, "dua ribu dua puluh lima"),
        (7012, "tujuh ribu dua belas"),
        (11000, "sebelas ribu"),
        (101000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_500_000, "satu juta lima ratus ribu"),
        (2_000_000_000, "dua miliar"),
        (1_000_000_000_000, "satu triliun"),
        (3_250_000_000_000, "tiga triliun dua ratus lima puluh miliar"),
    ],
)
def test_number_to_words(number: int, words: str) -> None:
    assert number_to_words(number) == words


@pytest.mark.parametrize(
    ("fragment", "spoken"),
    [
        # numbers with Indonesian thousands dots, decimals with a comma
        ("1.500.000", "satu juta lima ratus ribu"),
        ("2,5", "dua koma lima"),
        ("0,75", "nol koma tujuh lima"),
        # ordinals
        ("ke-3", "ketiga"),
        ("ke-17", "ke tujuh belas"),  # a number of several words follows "ke"
        ("Ke-100", "Keseratus"),
        # dates
        ("17 Agustus 2025", "tujuh belas Agustus dua ribu dua puluh lima"),
        ("17/08/2025", "tujuh belas Agustus dua ribu dua puluh lima"),
        ("17-08-2025", "tujuh belas Agustus dua ribu dua puluh lima"),
        ("2025-08-17", "tujuh belas Agustus dua ribu dua puluh lima"),
        ("Senin, 3 Maret 2025", "Senin, tiga Maret dua ribu dua puluh lima"),
        # times and time zones
        ("pukul 09.00 WIB", "pukul sembilan Waktu Indonesia Barat"),
        ("pukul 09.30", "pukul sembilan lewat tiga puluh menit"),
        ("pukul 09:05 WITA", "pukul sembilan lewat lima menit Waktu Indonesia Tengah"),
        ("pukul 19.00 WIT", "pukul sembilan belas Waktu Indonesia Timur"),
        # ranges
        ("08.00–12.00", "delapan sampai dua belas"),
        ("1-3 jam", "satu sampai tiga jam"),
        ("2020 - 2024", "dua ribu dua puluh sampai dua ribu dua puluh empat"),
        # money
        ("Rp 1.500.000", "satu juta lima ratus ribu rupiah"),
        ("Rp1,5 juta", "satu koma lima juta rupiah"),
        ("Rp 2.500,-", "dua ribu lima ratus rupiah"),
        ("Rp. 750.000,00", "tujuh ratus lima puluh ribu rupiah"),
        ("Rp 3,25 M", "tiga koma dua lima miliar rupiah"),
        # percentages
        ("25%", "dua puluh lima persen"),
        ("12,5 %", "dua belas koma lima persen"),
        # phone numbers and identifiers, digit by digit
        ("(0274) 367509", "nol dua tujuh empat, tiga enam tujuh lima nol sembilan"),
        (
            "+62 812-3456-7890",
            "plus enam dua, delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol",
        ),
        (
            "NIK 3402011708800001",
            "en i ka tiga empat nol dua nol satu satu tujuh nol delapan "
            "delapan nol nol nol nol satu",
        ),
        # abbreviations
        ("RT 03/RW 05", "er te tiga, er we lima"),
        ("PPID", "pe pe i de"),
        ("Pemkab", "Pemerintah Kabupaten"),
        ("Kapanewon Pajangan dan Panewu", "Kapanewon Pajangan dan Panewu"),
        ("dll.", "dan lain-lain."),
        ("Yth. Bupati", "Yang terhormat Bupati"),
        ("s.d.", "sampai dengan"),
        ("BPBD", "be pe be de"),  # not in the table: unpronounceable, spelled
        ("KORPRI", "KORPRI"),  # not in the table: pronounceable, left to the TTS
        ("PEMKAB BANTUL GELAR RAPAT", "PEMKAB BANTUL GELAR RAPAT"),  # a headline
    ],
)
def test_fragments(fragment: str, spoken: str) -> None:
    assert normalize(fragment) == spoken


def test_paragraph_breaks_are_kept() -> None:
    text = "Pemkab Bantul menggelar rapat.\nRapat dimulai pukul 09.00 WIB."
    assert normalize(text) == (
        "Pemerintah Kabupaten Bantul menggelar rapat.\n"
        "Rapat dimulai pukul sembilan Waktu Indonesia Barat."
    )


def test_output_has_no_digits_left_for_the_tts() -> None:
    text = " ".join(sentence for sentence, _ in NEWS_SENTENCES)
    assert not any(ch.isdigit() for ch in normalize(text))


def test_digits_to_words() -> None:
    assert digits_to_words("0812") == "nol delapan satu dua"


def test_abbreviation_table_is_plain_data() -> None:
    assert ABBREVIATIONS["Kab."] == "Kabupaten"
    assert ABBREVIATIONS["PPID"] == SPELL
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in ABBREVIATIONS.items())
