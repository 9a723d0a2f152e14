"""Demo content: the five institutions of the SOPs and realistic Indonesian news.

Pure data, no Django: ``cms.demo.seed`` turns it into sites, profile pages and news pages.

Everything here is fictional demo material. Addresses are generic, telephone numbers are
placeholders (``(0274) 000-001``) and e-mail addresses use ``example.go.id``. Officials are named
only by their role ("Panewu Bantul", "Camat Jenawi"), never by a real person's name, and the
quotations are written for the demo.

The demo has no photographs. Each image is a spec for a flat illustration that
``cms.demo.illustrations.draw_scene`` draws, and its ``description`` (the alt text) describes that
drawing, not an imagined photo. Only the six scenes that have their own drawing are used, so the
alt text stays true; the other names of ``Scene`` are drawn as one of these six for now:

* ``meeting``: four people behind a long table, in front of a screen with a rising bar chart.
* ``field``: six people standing on green grass under a blue sky with a yellow sun.
* ``road``: a grey road with a dashed white centre line to the horizon, one person on each side.
* ``building``: a one-storey cream building, red-brown roof, five blue windows, a brown door.
* ``chart``: a bar chart of six coloured bars on two axes, without numbers or labels.
* ``market``: three stalls with triangular roofs, four round orange goods on each counter,
  three people in front.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

InstitutionType = Literal["kapanewon", "kalurahan", "kecamatan", "dinas"]
NewsType = Literal["kegiatan", "pengumuman", "siaran_pers", "artikel", "agenda", "informasi_publik"]
Scene = Literal[
    "meeting",
    "field",
    "road",
    "market",
    "office",
    "health",
    "ceremony",
    "farm",
    "river",
    "chart",
    "building",
    "classroom",
]
# ("paragraph", "<p>…</p>"), ("heading", "…") or ("quote", {"quote": "…", "attribution": "…"})
Block = tuple[str, str] | tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Institution:
    key: str
    official_name: str
    short_name: str
    hostname: str
    institution_type: InstitutionType
    parent_region: str
    address: str
    phone: str
    email: str
    time_zone: str
    sop_key: str
    brand_colour: str
    profile_intro: str
    # One rich-text paragraph block each: tugas dan fungsi, visi, misi, alamat layanan.
    profile_body: tuple[str, ...]


@dataclass(frozen=True)
class Illustration:
    title: str
    description: str
    scene: Scene
    share: bool = False


@dataclass(frozen=True)
class NewsItem:
    institution: str
    title: str
    date: str
    news_type: NewsType
    lead: str
    body: tuple[Block, ...]
    tags: tuple[str, ...]
    # Keys: what, who, when, where, why, how (the SOP's 5W+1H coverage narrative).
    five_w_one_h: dict[str, str]
    images: tuple[Illustration, ...]


OFFICE_HOURS = (
    "Senin–Kamis pukul 07.30–16.00 WIB dan Jumat pukul 07.30–14.30 WIB, "
    "kecuali hari libur nasional."
)

@dataclass(frozen=True)
class DispositionItem:
    """An open *disposisi* waiting in the demo, so the dashboard panel has something to show."""

    institution: str
    from_role: str
    to_role: str
    activity: str
    material: str
    days_to_deadline: int


INSTITUTIONS: tuple[Institution, ...] = (
    Institution(
        key="bantul",
        official_name="Kapanewon Bantul",
        short_name="Kapanewon Bantul",
        hostname="bantul.localhost",
        institution_type="kapanewon",
        parent_region="Kabupaten Bantul, Daerah Istimewa Yogyakarta",
        address=(
            "Jl. Jenderal Sudirman No. 100\n"
            "Kalurahan Bantul, Kapanewon Bantul\n"
            "Kabupaten Bantul, Daerah Istimewa Yogyakarta 55711"
        ),
        phone="(0274) 000-001",
        email="kapanewon.bantul@example.go.id",
        time_zone="Asia/Jakarta",
        sop_key="kapanewon_bantul",
        brand_colour="#1E6B3A",  # green; white text contrast 6.52:1 (WCAG AA needs 4.5:1)
        profile_intro=(
            "Kapanewon Bantul adalah perangkat daerah Kabupaten Bantul yang dipimpin oleh "
            "Panewu. Kapanewon melayani warga lima kalurahan: Bantul, Palbapang, Ringinharjo, "
            "Sabdodadi, dan Trirenggo."
        ),
        profile_body=(
            "<p><strong>Tugas dan fungsi.</strong> Kapanewon Bantul membantu Bupati Bantul "
            "menyelenggarakan pemerintahan umum di wilayahnya. Kapanewon mengoordinasikan "
            "pemberdayaan masyarakat, ketenteraman dan ketertiban umum, serta pelayanan "
            "administrasi, dan membina penyelenggaraan pemerintahan kalurahan. Kapanewon juga "
            "melaksanakan sebagian urusan keistimewaan Daerah Istimewa Yogyakarta.</p>",
            "<p><strong>Visi.</strong> Terwujudnya pelayanan publik di Kapanewon Bantul yang "
            "cepat, terbuka, dan ramah bagi semua warga.</p>",
            "<p><strong>Misi.</strong></p><ul>"
            "<li>memberikan pelayanan administrasi yang mudah, cepat, dan tanpa pungutan liar;</li>"
            "<li>membina kalurahan agar perencanaan dan keuangannya tertib dan terbuka;</li>"
            "<li>mendorong peran serta warga dalam pembangunan dan pelestarian budaya;</li>"
            "<li>menyebarkan informasi kegiatan secara cepat melalui website dan media sosial.</li>"
            "</ul>",
            "<p><strong>Alamat layanan.</strong> Kantor Kapanewon Bantul, Jl. Jenderal Sudirman "
            f"No. 100, Bantul. Jam layanan: {OFFICE_HOURS}</p>",
        ),
    ),
    Institution(
        key="bunder",
        official_name="Kalurahan Bunder",
        short_name="Kalurahan Bunder",
        hostname="bunder.localhost",
        institution_type="kalurahan",
        parent_region="Kapanewon Patuk, Kabupaten Gunungkidul, Daerah Istimewa Yogyakarta",
        address=(
            "Balai Kalurahan Bunder, Jl. Balai Kalurahan No. 1\n"
            "Kalurahan Bunder, Kapanewon Patuk\n"
            "Kabupaten Gunungkidul, Daerah Istimewa Yogyakarta 55862"
        ),
        phone="(0274) 000-002",
        email="kalurahan.bunder@example.go.id",
        time_zone="Asia/Jakarta",
        sop_key="kalurahan_bunder",
        brand_colour="#7A2E0E",  # earth red; white text contrast 9.44:1 (WCAG AA needs 4.5:1)
        profile_intro=(
            "Kalurahan Bunder berada di Kapanewon Patuk, Kabupaten Gunungkidul. Pemerintah "
            "Kalurahan dipimpin oleh Lurah dan dibantu pamong kalurahan serta para dukuh. "
            "Melalui PPID Kalurahan, kami membuka informasi publik bagi semua warga."
        ),
        profile_body=(
            "<p><strong>Tugas dan fungsi.</strong> Pemerintah Kalurahan Bunder "
            "menyelenggarakan urusan pemerintahan, pembangunan, pembinaan kemasyarakatan, dan "
            "pemberdayaan masyarakat kalurahan. PPID Kalurahan Bunder melayani permintaan "
            "informasi publik sesuai UU No. 14 Tahun 2008 dan menyebarluaskan informasi "
            "melalui website serta media sosial.</p>",
            "<p><strong>Visi.</strong> Kalurahan Bunder yang guyub, mandiri, dan terbuka dalam "
            "pelayanan kepada warga.</p>",
            "<p><strong>Misi.</strong></p><ul>"
            "<li>melayani administrasi warga dengan cepat dan ramah;</li>"
            "<li>membangun jalan, air bersih, dan sarana umum secara gotong royong;</li>"
            "<li>meningkatkan kesehatan ibu dan anak melalui posyandu;</li>"
            "<li>mengumumkan anggaran dan bantuan kalurahan secara terbuka.</li>"
            "</ul>",
            "<p><strong>Alamat layanan.</strong> Balai Kalurahan Bunder, Jl. Balai Kalurahan "
            f"No. 1, Kapanewon Patuk, Gunungkidul. Jam layanan: {OFFICE_HOURS}</p>",
        ),
    ),
    Institution(
        key="dpmk",
        official_name="Dinas Pemberdayaan Masyarakat dan Kalurahan Kabupaten Bantul",
        short_name="DPMK Bantul",
        hostname="dpmk.localhost",
        institution_type="dinas",
        parent_region="Kabupaten Bantul, Daerah Istimewa Yogyakarta",
        address=(
            "Kompleks Perkantoran Pemerintah Kabupaten Bantul, Jl. Lingkar Timur No. 5\n"
            "Kalurahan Trirenggo, Kapanewon Bantul\n"
            "Kabupaten Bantul, Daerah Istimewa Yogyakarta 55714"
        ),
        phone="(0274) 000-003",
        email="dpmk.bantul@example.go.id",
        time_zone="Asia/Jakarta",
        sop_key="dpmk_bantul",
        brand_colour="#1F4E79",  # navy; white text contrast 8.66:1 (WCAG AA needs 4.5:1)
        profile_intro=(
            "Dinas Pemberdayaan Masyarakat dan Kalurahan (DPMK) Kabupaten Bantul membina "
            "pemerintahan dan pembangunan di 75 kalurahan. Kami mendampingi kalurahan dalam "
            "tata kelola keuangan, BUMKal, dan pemberdayaan masyarakat."
        ),
        profile_body=(
            "<p><strong>Tugas dan fungsi.</strong> DPMK Kabupaten Bantul membantu Bupati "
            "melaksanakan urusan pemerintahan di bidang pemberdayaan masyarakat dan kalurahan. "
            "Tugas ini meliputi pembinaan pemerintahan kalurahan, pengelolaan keuangan dan aset "
            "kalurahan, pengembangan Badan Usaha Milik Kalurahan (BUMKal), serta penguatan "
            "lembaga kemasyarakatan.</p>",
            "<p><strong>Visi.</strong> Kalurahan di Kabupaten Bantul yang mandiri, sejahtera, "
            "dan tertib dalam tata kelola pemerintahan.</p>",
            "<p><strong>Misi.</strong></p><ul>"
            "<li>meningkatkan kemampuan pamong kalurahan dalam pelayanan dan administrasi;</li>"
            "<li>mendampingi pengelolaan APBKal yang tertib, terbuka, dan tepat waktu;</li>"
            "<li>mengembangkan BUMKal dan usaha ekonomi masyarakat;</li>"
            "<li>mendorong keterbukaan informasi melalui website kalurahan.</li>"
            "</ul>",
            "<p><strong>Alamat layanan.</strong> Kompleks Perkantoran Pemerintah Kabupaten "
            f"Bantul, Jl. Lingkar Timur No. 5, Bantul. Jam layanan: {OFFICE_HOURS}</p>",
        ),
    ),
    Institution(
        key="jenawi",
        official_name="Kecamatan Jenawi",
        short_name="Kecamatan Jenawi",
        hostname="jenawi.localhost",
        institution_type="kecamatan",
        parent_region="Kabupaten Karanganyar, Jawa Tengah",
        address=(
            "Jl. Raya Jenawi No. 1\n"
            "Desa Jenawi, Kecamatan Jenawi\n"
            "Kabupaten Karanganyar, Jawa Tengah 57794"
        ),
        phone="(0271) 000-004",
        email="kecamatan.jenawi@example.go.id",
        time_zone="Asia/Jakarta",
        sop_key="kecamatan_jenawi",
        brand_colour="#00695C",  # teal; white text contrast 6.61:1 (WCAG AA needs 4.5:1)
        profile_intro=(
            "Kecamatan Jenawi berada di lereng Gunung Lawu, Kabupaten Karanganyar. Kami "
            "melayani warga dan membina desa-desa di wilayah kecamatan. Informasi kami "
            "sampaikan dengan bahasa yang mudah dipahami dan dapat diakses semua warga."
        ),
        profile_body=(
            "<p><strong>Tugas dan fungsi.</strong> Kecamatan Jenawi adalah perangkat daerah "
            "Kabupaten Karanganyar yang dipimpin oleh Camat. Kecamatan menyelenggarakan "
            "pemerintahan umum, mengoordinasikan pemberdayaan masyarakat, menjaga ketenteraman "
            "dan ketertiban umum, serta membina pemerintahan desa.</p>",
            "<p><strong>Visi.</strong> Kecamatan Jenawi yang melayani dengan cepat, terbuka, "
            "dan ramah bagi semua warga, termasuk penyandang disabilitas.</p>",
            "<p><strong>Misi.</strong></p><ul>"
            "<li>memberikan pelayanan yang mudah dan cepat di kantor kecamatan;</li>"
            "<li>membina desa dalam perencanaan dan pengelolaan keuangan;</li>"
            "<li>membuka data dan informasi publik, termasuk di Portal Satu Data "
            "Kabupaten Karanganyar;</li>"
            "<li>menyampaikan informasi dalam bentuk audio, visual, dan braille.</li>"
            "</ul>",
            "<p><strong>Alamat layanan.</strong> Kantor Kecamatan Jenawi, Jl. Raya Jenawi "
            f"No. 1, Karanganyar. Jam layanan: {OFFICE_HOURS}</p>",
        ),
    ),
    Institution(
        key="ketapang",
        official_name="Dinas Komunikasi dan Informatika Kabupaten Ketapang",
        short_name="Diskominfo Ketapang",
        hostname="ketapang.localhost",
        institution_type="dinas",
        parent_region="Kabupaten Ketapang, Kalimantan Barat",
        address=(
            "Jl. Jenderal Sudirman No. 12\n"
            "Kelurahan Kantor, Kecamatan Delta Pawan\n"
            "Kabupaten Ketapang, Kalimantan Barat 78811"
        ),
        phone="(0534) 000-005",
        email="diskominfo.ketapang@example.go.id",
        # Kalimantan Barat keeps Western Indonesian Time (WIB), like Java.
        time_zone="Asia/Jakarta",
        sop_key="diskominfo_ketapang",
        brand_colour="#0B5A8A",  # river blue; white text contrast 7.38:1 (WCAG AA needs 4.5:1)
        profile_intro=(
            "Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Ketapang mengelola "
            "website resmi Pemerintah Kabupaten Ketapang. Kami menyebarkan informasi "
            "pembangunan dan membina PPID di perangkat daerah."
        ),
        profile_body=(
            "<p><strong>Tugas dan fungsi.</strong> Diskominfo Kabupaten Ketapang membantu "
            "Bupati melaksanakan urusan komunikasi dan informatika, statistik, dan persandian. "
            "Diskominfo mengelola website pemerintah kabupaten, menyebarluaskan informasi "
            "publik, membina PPID Pelaksana di OPD, dan menyediakan jaringan internet "
            "pemerintahan.</p>",
            "<p><strong>Visi.</strong> Informasi pemerintah Kabupaten Ketapang yang cepat, "
            "benar, aman, dan mudah dijangkau masyarakat.</p>",
            "<p><strong>Misi.</strong></p><ul>"
            "<li>menerbitkan berita pemerintah yang akurat dan tepat waktu;</li>"
            "<li>menjaga keamanan dan ketersediaan website pemerintah kabupaten;</li>"
            "<li>membina PPID Pelaksana agar permohonan informasi dijawab tepat waktu;</li>"
            "<li>meningkatkan kemampuan jurnalistik tim peliput di setiap OPD.</li>"
            "</ul>",
            "<p><strong>Alamat layanan.</strong> Kantor Diskominfo Kabupaten Ketapang, "
            f"Jl. Jenderal Sudirman No. 12, Ketapang. Jam layanan: {OFFICE_HOURS}</p>",
        ),
    ),
)


# --- Alt text of the six drawings (see the module docstring) -------------------------------
ALT_MEETING = (
    "Ilustrasi: empat orang di belakang meja panjang berwarna cokelat. Di belakang mereka ada "
    "layar presentasi yang menampilkan diagram batang dengan tiga batang yang makin tinggi."
)
ALT_FIELD = (
    "Ilustrasi: enam orang berdiri di lapangan berumput hijau di bawah langit biru dan "
    "matahari kuning."
)
ALT_ROAD = (
    "Ilustrasi: jalan abu-abu dengan garis putih putus-putus di tengah, memanjang ke arah "
    "cakrawala di antara rumput hijau. Satu orang berdiri di kiri jalan dan satu di kanan."
)
ALT_BUILDING = (
    "Ilustrasi: gedung satu lantai berdinding krem dengan atap segitiga merah bata, lima "
    "jendela biru, dan satu pintu cokelat di tengah, di bawah langit biru."
)
ALT_CHART = (
    "Ilustrasi: diagram batang sederhana dengan enam batang berwarna berbeda di atas garis "
    "sumbu, tanpa angka dan tanpa label."
)
ALT_MARKET = (
    "Ilustrasi: tiga lapak beratap segitiga berjajar. Di meja setiap lapak ada empat benda "
    "bulat berwarna oranye, dan tiga orang berdiri di depan lapak."
)


NEWS: tuple[NewsItem, ...] = (
    # --- Kapanewon Bantul -----------------------------------------------------------------
    NewsItem(
        institution="bantul",
        title="Musrenbang Kapanewon Bantul Sepakati 25 Usulan Prioritas Pembangunan 2026",
        date="2025-02-13",
        news_type="kegiatan",
        lead=(
            "Kapanewon Bantul menggelar Musrenbang tingkat kapanewon pada Kamis (13/2/2025). "
            "Forum ini menyepakati 25 usulan prioritas dari lima kalurahan untuk dibahas di "
            "Musrenbang Kabupaten Bantul."
        ),
        body=(
            (
                "paragraph",
                "<p>Musyawarah Perencanaan Pembangunan (Musrenbang) Kapanewon Bantul "
                "berlangsung di Pendapa Kapanewon Bantul mulai pukul 08.30 WIB. Peserta terdiri "
                "atas lurah dan pamong dari Kalurahan Bantul, Palbapang, Ringinharjo, Sabdodadi, "
                "dan Trirenggo, perwakilan Bamuskal, tokoh masyarakat, serta perwakilan OPD "
                "Kab. Bantul.</p>",
            ),
            (
                "paragraph",
                "<p>Setiap kalurahan membawa usulan hasil musyawarah di tingkat padukuhan. "
                "Usulan itu dibahas bersama, lalu diurutkan menurut manfaat dan kesiapannya. "
                "Hasilnya, forum menyepakati <strong>25 usulan prioritas</strong> untuk tahun "
                "anggaran 2026.</p>",
            ),
            ("heading", "Usulan prioritas"),
            (
                "paragraph",
                "<p>Usulan terbanyak berasal dari bidang infrastruktur dan kesehatan, antara "
                "lain:</p><ul>"
                "<li>perbaikan saluran drainase di lingkungan RT 04/RW 02 Kalurahan "
                "Trirenggo;</li>"
                "<li>peningkatan jalan kalurahan sepanjang 1,2 km;</li>"
                "<li>penambahan alat ukur tinggi badan untuk posyandu;</li>"
                "<li>pelatihan pemasaran bagi pelaku UMKM.</li></ul>",
            ),
            (
                "quote",
                {
                    "quote": "Usulan yang kita sepakati hari ini lahir dari kebutuhan warga. "
                    "Kami akan mengawalnya sampai tahap Musrenbang Kabupaten.",
                    "attribution": "Panewu Bantul",
                },
            ),
            (
                "paragraph",
                "<p>Panewu Bantul mengingatkan bahwa tidak semua usulan dapat dibiayai pada "
                "tahun yang sama. Karena itu, kalurahan diminta menyiapkan data pendukung, "
                "seperti foto lokasi, jumlah warga penerima manfaat, dan perkiraan biaya. Berita "
                "acara Musrenbang diserahkan ke Bappeda Kab. Bantul paling lambat 28 Februari "
                "2025.</p>",
            ),
        ),
        tags=("musrenbang", "perencanaan", "pembangunan"),
        five_w_one_h={
            "what": "Musrenbang tingkat Kapanewon Bantul untuk menyusun usulan prioritas "
            "pembangunan tahun 2026.",
            "who": "Panewu Bantul, lurah dan pamong lima kalurahan, perwakilan Bamuskal, tokoh "
            "masyarakat, dan perwakilan OPD Kab. Bantul.",
            "when": "Kamis, 13 Februari 2025, pukul 08.30–12.30 WIB.",
            "where": "Pendapa Kapanewon Bantul, Kabupaten Bantul.",
            "why": "Agar usulan dari padukuhan dan kalurahan tersusun menurut prioritas sebelum "
            "dibahas di Musrenbang Kabupaten.",
            "how": "Setiap kalurahan memaparkan usulannya, lalu peserta membahas dan "
            "mengurutkannya menurut manfaat dan kesiapan lokasi.",
        },
        images=(
            Illustration(
                title="Musrenbang Kapanewon Bantul 2025: ilustrasi rapat",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
            Illustration(
                title="Musrenbang Kapanewon Bantul 2025: ilustrasi diagram usulan",
                description=ALT_CHART,
                scene="chart",
            ),
        ),
    ),
    NewsItem(
        institution="bantul",
        title="Upacara HUT ke-80 RI di Kapanewon Bantul Berlangsung Khidmat",
        date="2025-08-17",
        news_type="kegiatan",
        lead=(
            "Sekitar 350 peserta mengikuti upacara peringatan HUT ke-80 Kemerdekaan RI di "
            "halaman Kapanewon Bantul, Minggu (17/8/2025). Panewu Bantul bertindak sebagai "
            "inspektur upacara."
        ),
        body=(
            (
                "paragraph",
                "<p>Upacara dimulai pukul 07.00 WIB. Peserta terdiri atas ASN Kapanewon Bantul, "
                "pamong kalurahan, anggota Koramil dan Polsek Bantul, pelajar, anggota PKK, "
                "serta warga dari lima kalurahan.</p>",
            ),
            (
                "paragraph",
                "<p>Bendera Merah Putih dikibarkan oleh pasukan pengibar bendera dari pelajar "
                "SMP dan SMA di wilayah Kapanewon Bantul. Mereka berlatih selama dua minggu "
                "sebelum hari upacara.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Kemerdekaan kita isi dengan kerja nyata: melayani warga dengan "
                    "jujur, cepat, dan ramah.",
                    "attribution": "Panewu Bantul, dalam amanat upacara",
                },
            ),
            (
                "paragraph",
                "<p>Setelah upacara, acara dilanjutkan dengan lomba tradisional antarkalurahan, "
                "seperti tarik tambang dan balap karung. Seluruh kegiatan selesai pukul "
                "11.30 WIB.</p>",
            ),
        ),
        tags=("hut ri", "upacara", "kemerdekaan"),
        five_w_one_h={
            "what": "Upacara peringatan HUT ke-80 Kemerdekaan Republik Indonesia.",
            "who": "Panewu Bantul sebagai inspektur upacara bersama ASN, pamong kalurahan, "
            "anggota Koramil dan Polsek, pelajar, PKK, dan warga.",
            "when": "Minggu, 17 Agustus 2025, pukul 07.00–11.30 WIB.",
            "where": "Halaman Kapanewon Bantul, Kabupaten Bantul.",
            "why": "Untuk memperingati hari kemerdekaan dan menumbuhkan semangat kebangsaan warga.",
            "how": "Upacara bendera dengan pasukan pengibar dari pelajar, dilanjutkan lomba "
            "tradisional antarkalurahan.",
        },
        images=(
            Illustration(
                title="Upacara HUT ke-80 RI di Kapanewon Bantul: ilustrasi",
                description=ALT_FIELD,
                scene="field",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="bantul",
        title="Jadwal Pelayanan Perekaman KTP-el di Kapanewon Bantul Mulai Januari 2026",
        date="2026-01-12",
        news_type="pengumuman",
        lead=(
            "Mulai Selasa (13/1/2026), Kapanewon Bantul membuka layanan perekaman KTP-el setiap "
            "Selasa dan Kamis pukul 08.00–12.00 WIB. Layanan ini gratis, terutama bagi warga "
            "yang baru berusia 17 tahun."
        ),
        body=(
            (
                "paragraph",
                "<p>Kapanewon Bantul bersama Dinas Kependudukan dan Pencatatan Sipil "
                "(Disdukcapil) Kab. Bantul membuka layanan perekaman KTP elektronik (KTP-el) di "
                "kantor kapanewon. Layanan ini berlaku bagi warga lima kalurahan di wilayah "
                "Kapanewon Bantul.</p>",
            ),
            ("heading", "Persyaratan"),
            (
                "paragraph",
                "<p>Warga cukup membawa:</p><ol>"
                "<li>fotokopi Kartu Keluarga (KK);</li>"
                "<li>bukti sudah atau pernah menikah, bagi yang belum berusia 17 tahun.</li>"
                "</ol>",
            ),
            (
                "paragraph",
                "<p>Kuota layanan 30 orang per hari. Nomor antrean dibagikan mulai pukul "
                "07.30 WIB di ruang pelayanan. Warga lanjut usia dan penyandang disabilitas yang "
                "tidak dapat datang dapat meminta perekaman di rumah melalui kalurahan "
                "masing-masing.</p>",
            ),
            (
                "paragraph",
                "<p>Layanan ini <strong>tidak dipungut biaya</strong>. Jika ada pihak yang "
                "meminta bayaran, warga dapat melapor ke petugas pelayanan atau ke nomor "
                "(0274) 000-001.</p>",
            ),
        ),
        tags=("ktp-el", "adminduk", "pelayanan publik"),
        five_w_one_h={
            "what": "Layanan perekaman KTP-el secara rutin di Kapanewon Bantul.",
            "who": "Petugas Kapanewon Bantul dan Disdukcapil Kab. Bantul, untuk warga lima "
            "kalurahan di Kapanewon Bantul.",
            "when": "Setiap Selasa dan Kamis mulai 13 Januari 2026, pukul 08.00–12.00 WIB.",
            "where": "Ruang pelayanan Kantor Kapanewon Bantul.",
            "why": "Agar warga yang baru berusia 17 tahun dapat merekam KTP-el tanpa harus "
            "pergi ke kantor Disdukcapil.",
            "how": "Warga datang membawa fotokopi KK, mengambil nomor antrean, lalu difoto dan "
            "direkam sidik jari serta tanda tangannya.",
        },
        images=(
            Illustration(
                title="Kantor Kapanewon Bantul: ilustrasi layanan KTP-el",
                description=ALT_BUILDING,
                scene="building",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="bantul",
        title="40 Pelaku UMKM Kapanewon Bantul Belajar Berjualan secara Daring",
        date="2026-10-07",
        news_type="kegiatan",
        lead=(
            "Sebanyak 40 pelaku UMKM dari lima kalurahan mengikuti pelatihan pemasaran daring "
            "di Kapanewon Bantul, Rabu (7/10/2026). Peserta belajar memotret produk dan membuka "
            "toko di lokapasar."
        ),
        body=(
            (
                "paragraph",
                "<p>Pelatihan berlangsung di aula Kapanewon Bantul pukul 09.00–15.00 WIB. "
                "Sebagian besar peserta adalah pelaku usaha makanan olahan, seperti keripik, "
                "geplak, dan bakpia. Ada juga perajin batik dan gerabah.</p>",
            ),
            (
                "paragraph",
                "<p>Pada sesi pertama, peserta belajar memotret produk dengan ponsel memakai "
                "cahaya matahari. Sesi kedua membahas cara menulis keterangan produk yang jujur "
                "dan jelas, lengkap dengan harga, berat, dan tanggal kedaluwarsa.</p>",
            ),
            (
                "paragraph",
                "<p>Setiap peserta juga mendapat bantuan kemasan senilai Rp 500.000 dari "
                "anggaran kapanewon. Total bantuan untuk 40 peserta mencapai "
                "Rp 20.000.000.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Produk warga Bantul sudah bagus. Sekarang kita bantu agar lebih "
                    "mudah ditemukan pembeli.",
                    "attribution": "Panewu Bantul",
                },
            ),
            (
                "paragraph",
                "<p>Kapanewon Bantul akan mendampingi peserta selama tiga bulan. Pendamping "
                "memeriksa perkembangan toko daring setiap bulan dan membantu peserta yang "
                "mengalami kendala.</p>",
            ),
        ),
        tags=("umkm", "pelatihan", "ekonomi"),
        five_w_one_h={
            "what": "Pelatihan pemasaran daring bagi pelaku UMKM.",
            "who": "Empat puluh pelaku UMKM dari lima kalurahan, didampingi petugas Kapanewon "
            "Bantul.",
            "when": "Rabu, 7 Oktober 2026, pukul 09.00–15.00 WIB.",
            "where": "Aula Kapanewon Bantul, Kabupaten Bantul.",
            "why": "Agar produk UMKM warga lebih mudah ditemukan dan dibeli secara daring.",
            "how": "Peserta berlatih memotret produk, menulis keterangan produk, dan membuka "
            "toko di lokapasar, lalu didampingi selama tiga bulan.",
        },
        images=(
            Illustration(
                title="Pelatihan UMKM Kapanewon Bantul 2026: ilustrasi lapak",
                description=ALT_MARKET,
                scene="market",
                share=True,
            ),
            Illustration(
                title="Pelatihan UMKM Kapanewon Bantul 2026: ilustrasi kelas",
                description=ALT_MEETING,
                scene="meeting",
            ),
        ),
    ),
    # --- Kalurahan Bunder ------------------------------------------------------------------
    NewsItem(
        institution="bunder",
        title="Penyaluran BLT Dana Desa Tahap II di Kalurahan Bunder untuk 35 Keluarga",
        date="2025-06-24",
        news_type="informasi_publik",
        lead=(
            "Pemerintah Kalurahan Bunder menyalurkan BLT Dana Desa tahap II kepada 35 keluarga "
            "penerima manfaat (KPM), Selasa (24/6/2025). Setiap keluarga menerima Rp 900.000 "
            "untuk bulan April sampai Juni 2025."
        ),
        body=(
            (
                "paragraph",
                "<p>Penyaluran berlangsung di Balai Kalurahan Bunder mulai pukul 09.00 WIB. "
                "Penerima datang sesuai jadwal per padukuhan agar tidak berdesakan. Pamong "
                "kalurahan memeriksa KTP dan kartu penerima sebelum dana diserahkan.</p>",
            ),
            (
                "paragraph",
                "<p>Setiap KPM menerima Rp 300.000 per bulan. Untuk tiga bulan, jumlahnya "
                "Rp 900.000 per keluarga. Total dana yang disalurkan pada tahap ini "
                "Rp 31.500.000 dan bersumber dari Dana Desa dalam APBKal Bunder Tahun "
                "2025.</p>",
            ),
            ("heading", "Daftar penerima terbuka untuk umum"),
            (
                "paragraph",
                "<p>Sesuai UU No. 14 Tahun 2008 tentang Keterbukaan Informasi Publik, daftar "
                "nama penerima BLT Dana Desa (tanpa NIK) diumumkan di papan informasi balai "
                "kalurahan. Warga juga dapat meminta salinannya melalui PPID Kalurahan "
                "Bunder.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Dana ini milik warga. Karena itu, siapa penerimanya dan berapa "
                    "jumlahnya harus bisa dilihat semua orang.",
                    "attribution": "Lurah Bunder selaku atasan PPID",
                },
            ),
            (
                "paragraph",
                "<p>Warga yang mengetahui penerima yang tidak sesuai, atau keluarga yang lebih "
                "membutuhkan, dapat menyampaikan masukan kepada dukuh setempat atau langsung ke "
                "kantor kalurahan pada jam kerja. Masukan akan dibahas dalam musyawarah "
                "kalurahan berikutnya.</p>",
            ),
        ),
        tags=("blt dana desa", "keterbukaan informasi", "ppid"),
        five_w_one_h={
            "what": "Penyaluran BLT Dana Desa tahap II untuk bulan April sampai Juni 2025.",
            "who": "Pamong Kalurahan Bunder kepada 35 keluarga penerima manfaat.",
            "when": "Selasa, 24 Juni 2025, mulai pukul 09.00 WIB.",
            "where": "Balai Kalurahan Bunder, Kapanewon Patuk, Kabupaten Gunungkidul.",
            "why": "Untuk membantu kebutuhan pokok keluarga miskin dan rentan di Kalurahan Bunder.",
            "how": "Penerima datang sesuai jadwal per padukuhan, identitasnya diperiksa, lalu "
            "menerima Rp 900.000 secara tunai.",
        },
        images=(
            Illustration(
                title="BLT Dana Desa Kalurahan Bunder 2025: ilustrasi meja penyaluran",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
            Illustration(
                title="BLT Dana Desa Kalurahan Bunder 2025: ilustrasi diagram",
                description=ALT_CHART,
                scene="chart",
            ),
        ),
    ),
    NewsItem(
        institution="bunder",
        title="Warga Bunder Kerja Bakti Mengecor Jalan Padukuhan Sepanjang 250 Meter",
        date="2025-10-19",
        news_type="kegiatan",
        lead=(
            "Sekitar 120 warga Kalurahan Bunder bergotong royong mengecor jalan padukuhan "
            "sepanjang 250 meter, Minggu (19/10/2025). Jalan ini diperbaiki sebelum musim hujan "
            "tiba."
        ),
        body=(
            (
                "paragraph",
                "<p>Kerja bakti dimulai pukul 06.30 WIB. Warga dari RT 01 sampai RT 06 membagi "
                "tugas: sebagian mengaduk semen, sebagian meratakan adukan, dan ibu-ibu PKK "
                "menyiapkan konsumsi.</p>",
            ),
            (
                "paragraph",
                "<p>Semen, pasir, dan batu split dibeli dengan APBKal Bunder Tahun 2025 senilai "
                "Rp 47.500.000. Tenaga kerja berasal dari swadaya warga sehingga anggaran cukup "
                "untuk jalan yang lebih panjang.</p>",
            ),
            (
                "paragraph",
                "<p>Jalan selebar 3 meter ini menghubungkan permukiman warga dengan jalan "
                "kabupaten. Saat hujan, jalan tanah yang lama licin dan sulit dilewati sepeda "
                "motor, terutama oleh anak-anak yang berangkat sekolah.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Jalan ini dipakai setiap hari untuk ke sekolah, ke pasar, dan "
                    "mengangkut hasil kebun. Terima kasih kepada warga yang sudah bekerja sejak "
                    "pagi.",
                    "attribution": "Lurah Bunder",
                },
            ),
            (
                "paragraph",
                "<p>Jalan baru boleh dilewati kendaraan setelah cor mengering, paling cepat "
                "tujuh hari. Selama itu, warga diminta memakai jalan lain di sisi utara.</p>",
            ),
        ),
        tags=("kerja bakti", "gotong royong", "jalan kalurahan"),
        five_w_one_h={
            "what": "Kerja bakti mengecor jalan padukuhan sepanjang 250 meter.",
            "who": "Sekitar 120 warga RT 01 sampai RT 06, ibu-ibu PKK, dan pamong Kalurahan "
            "Bunder.",
            "when": "Minggu, 19 Oktober 2025, mulai pukul 06.30 WIB.",
            "where": "Jalan padukuhan di Kalurahan Bunder, Kapanewon Patuk.",
            "why": "Agar jalan tidak licin dan tetap dapat dilewati selama musim hujan.",
            "how": "Bahan dibeli dengan APBKal, sedangkan tenaga kerja berasal dari gotong "
            "royong warga.",
        },
        images=(
            Illustration(
                title="Kerja bakti jalan padukuhan Bunder: ilustrasi jalan",
                description=ALT_ROAD,
                scene="road",
                share=True,
            ),
            Illustration(
                title="Kerja bakti jalan padukuhan Bunder: ilustrasi warga",
                description=ALT_FIELD,
                scene="field",
            ),
        ),
    ),
    NewsItem(
        institution="bunder",
        title="Posyandu Kalurahan Bunder Timbang 48 Balita untuk Cegah Stunting",
        date="2026-03-10",
        news_type="kegiatan",
        lead=(
            "Kader Posyandu Kalurahan Bunder menimbang dan mengukur 48 balita, Selasa "
            "(10/3/2026). Balita yang berat badannya tidak naik mendapat makanan tambahan dan "
            "pendampingan."
        ),
        body=(
            (
                "paragraph",
                "<p>Kegiatan berlangsung pukul 08.00–11.00 WIB di gedung posyandu padukuhan. "
                "Kader dibantu bidan puskesmas menimbang berat badan, mengukur tinggi badan, "
                "dan mencatat hasilnya di buku KIA.</p>",
            ),
            (
                "paragraph",
                "<p>Dari 48 balita, 6 anak tercatat berat badannya tidak naik dalam dua bulan "
                "terakhir. Mereka mendapat pemberian makanan tambahan (PMT) dari pangan lokal, "
                "seperti telur, ikan lele, dan sayur daun kelor, selama 30 hari.</p>",
            ),
            (
                "paragraph",
                "<p>Anggaran PMT sebesar Rp 5.400.000 berasal dari APBKal Bunder Tahun 2026. "
                "Jumlah itu cukup untuk menu harian 6 balita selama 30 hari, masing-masing "
                "Rp 30.000 per hari.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Kami mengajak ibu-ibu datang ke posyandu setiap bulan. Penimbangan "
                    "rutin membantu kita mengetahui masalah gizi sejak dini.",
                    "attribution": "Ketua Kader Posyandu Kalurahan Bunder",
                },
            ),
            (
                "paragraph",
                "<p>Posyandu buka setiap Selasa pada minggu kedua setiap bulan. Ibu hamil dan "
                "orang tua balita dapat datang tanpa mendaftar lebih dulu.</p>",
            ),
        ),
        tags=("posyandu", "stunting", "kesehatan"),
        five_w_one_h={
            "what": "Penimbangan dan pengukuran balita serta pemberian makanan tambahan.",
            "who": "Kader Posyandu Kalurahan Bunder, bidan puskesmas, dan 48 balita bersama "
            "orang tuanya.",
            "when": "Selasa, 10 Maret 2026, pukul 08.00–11.00 WIB.",
            "where": "Gedung posyandu padukuhan di Kalurahan Bunder.",
            "why": "Untuk menemukan masalah gizi sejak dini dan mencegah stunting.",
            "how": "Balita ditimbang dan diukur, hasilnya dicatat di buku KIA, lalu balita yang "
            "berat badannya tidak naik mendapat PMT selama 30 hari.",
        },
        images=(
            Illustration(
                title="Posyandu Kalurahan Bunder 2026: ilustrasi gedung posyandu",
                description=ALT_BUILDING,
                scene="building",
                share=True,
            ),
            Illustration(
                title="Posyandu Kalurahan Bunder 2026: ilustrasi diagram penimbangan",
                description=ALT_CHART,
                scene="chart",
            ),
        ),
    ),
    # --- DPMK Kabupaten Bantul ---------------------------------------------------------------
    NewsItem(
        institution="dpmk",
        title="DPMK Bantul Gelar Bimtek Pengelolaan Website Kalurahan bagi 150 Operator",
        date="2025-01-21",
        news_type="kegiatan",
        lead=(
            "DPMK Kab. Bantul menggelar bimbingan teknis (bimtek) pengelolaan website kalurahan "
            "pada 21–23 Januari 2025. Sebanyak 150 operator dari 75 kalurahan belajar menulis "
            "berita dan mengelola informasi publik."
        ),
        body=(
            (
                "paragraph",
                "<p>Bimtek berlangsung di aula DPMK Kab. Bantul pukul 08.30–15.00 WIB. Setiap "
                "kalurahan mengirim dua operator. Peserta dibagi menjadi tiga kelompok, satu "
                "kelompok per hari, agar praktik di komputer lebih leluasa.</p>",
            ),
            (
                "paragraph",
                "<p>Materi bimtek meliputi:</p><ul>"
                "<li>menulis berita dengan unsur 5W+1H;</li>"
                "<li>memilih dan mengolah foto kegiatan;</li>"
                "<li>menulis teks alternatif gambar untuk pembaca tunanetra;</li>"
                "<li>mengumumkan Daftar Informasi Publik kalurahan;</li>"
                "<li>menjaga keamanan akun dan kata sandi.</li></ul>",
            ),
            (
                "quote",
                {
                    "quote": "Website kalurahan adalah etalase pelayanan. Beritanya harus benar, "
                    "lengkap, dan terbit tepat waktu.",
                    "attribution": "Kepala DPMK Kab. Bantul",
                },
            ),
            (
                "paragraph",
                "<p>Setelah bimtek, setiap berita kalurahan tetap melalui pemeriksaan berjenjang "
                "sebelum terbit. Dengan cara ini, informasi yang sampai ke warga sudah diperiksa "
                "kebenarannya.</p>",
            ),
            (
                "paragraph",
                "<p>DPMK Kab. Bantul juga membuka layanan konsultasi bagi operator setiap Rabu "
                "pukul 09.00–12.00 WIB di ruang Subbagian Program dan Keuangan.</p>",
            ),
        ),
        tags=("bimtek", "website kalurahan", "informasi publik"),
        five_w_one_h={
            "what": "Bimbingan teknis pengelolaan website kalurahan.",
            "who": "DPMK Kab. Bantul bersama 150 operator website dari 75 kalurahan.",
            "when": "Selasa sampai Kamis, 21–23 Januari 2025, pukul 08.30–15.00 WIB.",
            "where": "Aula DPMK Kab. Bantul.",
            "why": "Agar website kalurahan memuat berita yang benar, lengkap, mudah diakses, "
            "dan terbit tepat waktu.",
            "how": "Peserta dibagi menjadi tiga kelompok dan berlatih langsung di komputer "
            "dengan pendamping.",
        },
        images=(
            Illustration(
                title="Bimtek website kalurahan DPMK Bantul 2025: ilustrasi kelas",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
            Illustration(
                title="Bimtek website kalurahan DPMK Bantul 2025: ilustrasi gedung",
                description=ALT_BUILDING,
                scene="building",
            ),
        ),
    ),
    NewsItem(
        institution="dpmk",
        title="60 Pengelola BUMKal di Bantul Ikuti Pelatihan Manajemen Usaha",
        date="2025-07-15",
        news_type="siaran_pers",
        lead=(
            "DPMK Kab. Bantul melatih 60 pengelola Badan Usaha Milik Kalurahan (BUMKal) dari 30 "
            "kalurahan, Selasa–Rabu (15–16/7/2025). Pelatihan ini berfokus pada pembukuan dan "
            "pemasaran."
        ),
        body=(
            (
                "paragraph",
                "<p>Pelatihan dibuka pukul 08.00 WIB oleh Sekdin DPMK Kab. Bantul. Peserta "
                "adalah direktur dan bendahara BUMKal yang bergerak di bidang wisata, "
                "pengelolaan sampah, air bersih, dan simpan pinjam.</p>",
            ),
            (
                "paragraph",
                "<p>Pada hari pertama, peserta berlatih menyusun laporan keuangan sederhana: "
                "buku kas, laporan laba rugi, dan neraca. Hari kedua membahas pemasaran, "
                "termasuk kerja sama dengan kelompok UMKM di kalurahan.</p>",
            ),
            ("heading", "Modal dari penyertaan kalurahan"),
            (
                "paragraph",
                "<p>Sebagian besar BUMKal peserta menerima penyertaan modal dari APBKal antara "
                "Rp 25.000.000 dan Rp 150.000.000. Laporan keuangan yang rapi membantu kalurahan "
                "menilai apakah modal itu dikelola dengan baik dan bermanfaat bagi warga.</p>",
            ),
            (
                "quote",
                {
                    "quote": "BUMKal harus sehat sebagai usaha dan terbuka kepada warga. "
                    "Pembukuan yang tertib adalah langkah pertamanya.",
                    "attribution": "Kepala DPMK Kab. Bantul",
                },
            ),
            (
                "paragraph",
                "<p>BUMKal dari 45 kalurahan lainnya akan diundang pada pelatihan gelombang "
                "kedua. Jadwalnya diumumkan melalui website ini dan surat kepada setiap "
                "kalurahan.</p>",
            ),
        ),
        tags=("bumkal", "pelatihan", "ekonomi kalurahan"),
        five_w_one_h={
            "what": "Pelatihan manajemen usaha bagi pengelola BUMKal.",
            "who": "DPMK Kab. Bantul bersama 60 direktur dan bendahara BUMKal dari 30 kalurahan.",
            "when": "Selasa dan Rabu, 15–16 Juli 2025, mulai pukul 08.00 WIB.",
            "where": "Aula DPMK Kab. Bantul.",
            "why": "Agar BUMKal mengelola modal dari APBKal dengan tertib dan memberi manfaat "
            "bagi warga.",
            "how": "Peserta berlatih menyusun laporan keuangan pada hari pertama dan membahas "
            "pemasaran pada hari kedua.",
        },
        images=(
            Illustration(
                title="Pelatihan BUMKal DPMK Bantul 2025: ilustrasi lapak usaha",
                description=ALT_MARKET,
                scene="market",
                share=True,
            ),
            Illustration(
                title="Pelatihan BUMKal DPMK Bantul 2025: ilustrasi laporan keuangan",
                description=ALT_CHART,
                scene="chart",
            ),
        ),
    ),
    NewsItem(
        institution="dpmk",
        title="Batas Akhir Laporan Realisasi APBKal Tahun 2025: 30 Januari 2026",
        date="2026-01-08",
        news_type="pengumuman",
        lead=(
            "DPMK Kab. Bantul mengingatkan seluruh kalurahan agar menyampaikan laporan "
            "realisasi APBKal Tahun Anggaran 2025 paling lambat Jumat, 30 Januari 2026, pukul "
            "15.00 WIB."
        ),
        body=(
            (
                "paragraph",
                "<p>Laporan disampaikan melalui kapanewon masing-masing, lalu diteruskan ke DPMK "
                "Kab. Bantul. Kapanewon memeriksa kelengkapan laporan sebelum "
                "meneruskannya.</p>",
            ),
            ("heading", "Dokumen yang perlu disiapkan"),
            (
                "paragraph",
                "<p>Setiap kalurahan menyiapkan:</p><ol>"
                "<li>laporan realisasi APBKal Tahun Anggaran 2025;</li>"
                "<li>laporan realisasi penggunaan Dana Desa, termasuk BLT Dana Desa;</li>"
                "<li>daftar kekayaan milik kalurahan per 31 Desember 2025;</li>"
                "<li>bukti bahwa ringkasan laporan sudah diunggah ke website kalurahan.</li>"
                "</ol>",
            ),
            (
                "paragraph",
                "<p>Laporan realisasi juga wajib diumumkan kepada warga, misalnya di papan "
                "informasi balai kalurahan dan di website kalurahan. Hal ini sesuai dengan "
                "prinsip keterbukaan informasi publik.</p>",
            ),
            (
                "paragraph",
                "<p>Kalurahan yang mengalami kendala dapat berkonsultasi ke DPMK Kab. Bantul "
                "pada jam kerja atau melalui surel "
                '<a href="mailto:dpmk.bantul@example.go.id">dpmk.bantul@example.go.id</a>.</p>',
            ),
        ),
        tags=("apbkal", "laporan keuangan", "kalurahan"),
        five_w_one_h={
            "what": "Pengingat batas akhir penyampaian laporan realisasi APBKal Tahun Anggaran "
            "2025.",
            "who": "DPMK Kab. Bantul kepada seluruh kalurahan dan kapanewon di Kabupaten Bantul.",
            "when": "Paling lambat Jumat, 30 Januari 2026, pukul 15.00 WIB.",
            "where": "Laporan disampaikan melalui kapanewon masing-masing ke DPMK Kab. Bantul.",
            "why": "Agar pertanggungjawaban anggaran kalurahan tepat waktu dan dapat diketahui "
            "warga.",
            "how": "Kalurahan menyusun empat dokumen laporan, menyerahkannya ke kapanewon, dan "
            "mengumumkan ringkasannya kepada warga.",
        },
        images=(
            Illustration(
                title="Laporan realisasi APBKal 2025: ilustrasi diagram anggaran",
                description=ALT_CHART,
                scene="chart",
                share=True,
            ),
        ),
    ),
    # --- Kecamatan Jenawi (bahasa yang baik, benar, dan mudah dipahami) ------------------------
    NewsItem(
        institution="jenawi",
        title="Rapat Koordinasi Kecamatan Jenawi Bahas Stunting dan Keamanan Lingkungan",
        date="2025-04-16",
        news_type="kegiatan",
        lead=(
            "Camat Jenawi memimpin rapat koordinasi bersama kepala desa se-Kecamatan Jenawi, "
            "Rabu (16/4/2025). Rapat membahas pencegahan stunting, pajak bumi dan bangunan, dan "
            "keamanan lingkungan."
        ),
        body=(
            (
                "paragraph",
                "<p>Rapat berlangsung di Pendapa Kecamatan Jenawi pukul 09.00–12.00 WIB. "
                "Pesertanya adalah kepala desa, perwakilan Polsek dan Koramil, kepala "
                "puskesmas, dan penyuluh pertanian.</p>",
            ),
            (
                "paragraph",
                "<p>Pembahasan pertama adalah stunting. Setiap desa diminta membuka posyandu "
                "setiap bulan dan memberikan makanan tambahan bagi balita yang "
                "membutuhkan.</p>",
            ),
            (
                "paragraph",
                "<p>Pembahasan kedua adalah pajak bumi dan bangunan (PBB). Desa diminta membantu "
                "warga membayar PBB sebelum jatuh tempo. Pembahasan ketiga adalah ronda malam "
                "di setiap RT, terutama menjelang musim kemarau.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Kita bekerja bersama. Masalah di satu desa adalah masalah "
                    "kecamatan juga.",
                    "attribution": "Camat Jenawi",
                },
            ),
            (
                "paragraph",
                "<p>Hasil rapat dicatat dalam notula. Warga dapat meminta salinan notula "
                "melalui PPID Pelaksana Kecamatan Jenawi.</p>",
            ),
        ),
        tags=("rapat koordinasi", "stunting", "keamanan"),
        five_w_one_h={
            "what": "Rapat koordinasi tentang stunting, PBB, dan keamanan lingkungan.",
            "who": "Camat Jenawi, kepala desa, perwakilan Polsek dan Koramil, kepala puskesmas, "
            "dan penyuluh pertanian.",
            "when": "Rabu, 16 April 2025, pukul 09.00–12.00 WIB.",
            "where": "Pendapa Kecamatan Jenawi, Kabupaten Karanganyar.",
            "why": "Agar kecamatan dan desa bekerja searah dalam menangani masalah warga.",
            "how": "Peserta membahas tiga pokok masalah satu per satu, lalu hasilnya dicatat "
            "dalam notula.",
        },
        images=(
            Illustration(
                title="Rapat koordinasi Kecamatan Jenawi April 2025: ilustrasi",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="jenawi",
        title="Data Kecamatan Jenawi Kini Bisa Dibuka di Portal Satu Data Karanganyar",
        date="2025-09-23",
        news_type="informasi_publik",
        lead=(
            "Kecamatan Jenawi mengunggah 12 kumpulan data ke Portal Satu Data Kabupaten "
            "Karanganyar, Selasa (23/9/2025). Warga dapat melihat dan mengunduh data itu secara "
            "gratis."
        ),
        body=(
            (
                "paragraph",
                "<p>Data yang diunggah sesuai dengan Daftar Informasi Publik Kecamatan Jenawi. "
                "Isinya antara lain jumlah penduduk per desa, jumlah sekolah dan posyandu, luas "
                "lahan pertanian, dan jadwal pelayanan di kantor kecamatan.</p>",
            ),
            (
                "paragraph",
                "<p>Sebelum diunggah, data diperiksa oleh pengolah data, lalu diverifikasi oleh "
                "PPID Pelaksana Kecamatan Jenawi. Data yang belum lengkap dikembalikan untuk "
                "dilengkapi lebih dulu.</p>",
            ),
            ("heading", "Mudah dibaca semua warga"),
            (
                "paragraph",
                "<p>Setiap kumpulan data dilengkapi penjelasan singkat dengan bahasa yang mudah "
                "dipahami. Tabelnya dapat dibaca oleh pembaca layar. Warga tunanetra dapat "
                "meminta versi audio atau braille melalui PPID Pelaksana.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Data yang terbuka membantu warga ikut mengawasi dan merencanakan "
                    "pembangunan.",
                    "attribution": "Camat Jenawi",
                },
            ),
            (
                "paragraph",
                "<p>Warga yang membutuhkan data lain dapat mengajukan permohonan informasi "
                "publik. Permohonan dapat disampaikan langsung di kantor kecamatan pada jam "
                "kerja, melalui website, atau melalui media sosial resmi Kecamatan Jenawi.</p>",
            ),
        ),
        tags=("satu data", "informasi publik", "ppid"),
        five_w_one_h={
            "what": "Pengunggahan 12 kumpulan data kecamatan ke Portal Satu Data Kabupaten "
            "Karanganyar.",
            "who": "Pengolah data, admin website, dan PPID Pelaksana Kecamatan Jenawi.",
            "when": "Selasa, 23 September 2025.",
            "where": "Portal Satu Data Kabupaten Karanganyar dan website Kecamatan Jenawi.",
            "why": "Agar warga dapat melihat dan memakai data kecamatan dengan mudah dan gratis.",
            "how": "Data dikumpulkan sesuai Daftar Informasi Publik, diverifikasi PPID "
            "Pelaksana, lalu diunggah dengan penjelasan singkat.",
        },
        images=(
            Illustration(
                title="Portal Satu Data Kecamatan Jenawi: ilustrasi diagram",
                description=ALT_CHART,
                scene="chart",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="jenawi",
        title="Petani Jenawi Terima 2.500 Bibit Kopi dan Alpukat",
        date="2025-11-12",
        news_type="kegiatan",
        lead=(
            "Delapan kelompok tani di Kecamatan Jenawi menerima bantuan 2.000 bibit kopi dan "
            "500 bibit alpukat, Rabu (12/11/2025). Bibit akan ditanam pada awal musim hujan."
        ),
        body=(
            (
                "paragraph",
                "<p>Penyerahan bibit berlangsung di halaman Kantor Kecamatan Jenawi pukul "
                "10.00 WIB. Bantuan ini berasal dari Pemkab Karanganyar dan diserahkan oleh "
                "Camat Jenawi kepada ketua kelompok tani.</p>",
            ),
            (
                "paragraph",
                "<p>Setiap kelompok tani menerima 250 bibit kopi arabika. Bibit alpukat dibagi "
                "sesuai luas lahan: empat kelompok menerima 75 bibit, dan empat kelompok lainnya "
                "menerima 50 bibit. Kopi arabika dipilih karena cocok ditanam di lereng Gunung "
                "Lawu yang sejuk.</p>",
            ),
            (
                "paragraph",
                "<p>Penyuluh pertanian akan mendampingi petani saat menanam. Petani diminta "
                "membuat lubang tanam sedalam 40 cm dan memberi pupuk kandang satu minggu "
                "sebelum bibit ditanam.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Tanamlah bibit ini dengan baik. Dalam tiga sampai empat tahun, "
                    "hasilnya dapat menambah penghasilan keluarga.",
                    "attribution": "Camat Jenawi",
                },
            ),
            (
                "paragraph",
                "<p>Kecamatan akan mencatat jumlah bibit yang tumbuh pada bulan Februari 2026. "
                "Hasilnya akan diumumkan di website dan di Portal Satu Data Kabupaten "
                "Karanganyar.</p>",
            ),
        ),
        tags=("pertanian", "bantuan bibit", "kelompok tani"),
        five_w_one_h={
            "what": "Penyerahan bantuan 2.000 bibit kopi dan 500 bibit alpukat.",
            "who": "Camat Jenawi dan delapan kelompok tani di Kecamatan Jenawi.",
            "when": "Rabu, 12 November 2025, pukul 10.00 WIB.",
            "where": "Halaman Kantor Kecamatan Jenawi, Kabupaten Karanganyar.",
            "why": "Untuk menambah penghasilan petani dari tanaman yang cocok di lereng Gunung "
            "Lawu.",
            "how": "Bibit dibagi per kelompok tani sesuai luas lahan, lalu penanamannya "
            "didampingi penyuluh pertanian.",
        },
        images=(
            Illustration(
                title="Bantuan bibit kopi dan alpukat Jenawi 2025: ilustrasi",
                description=ALT_FIELD,
                scene="field",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="jenawi",
        title="Agenda Festival Budaya Jenawi 2026 pada 13–14 Juni di Lapangan Kecamatan",
        date="2026-05-27",
        news_type="agenda",
        lead=(
            "Festival Budaya Jenawi 2026 digelar pada Sabtu dan Minggu, 13–14 Juni 2026, di "
            "Lapangan Kecamatan Jenawi. Acara ini terbuka untuk umum dan gratis."
        ),
        body=(
            (
                "paragraph",
                "<p>Festival ini menampilkan kesenian dari desa-desa di Kecamatan Jenawi, "
                "pameran produk UMKM, dan bazar hasil pertanian. Berikut susunan acaranya.</p>",
            ),
            ("heading", "Susunan acara"),
            (
                "paragraph",
                "<p><strong>Sabtu, 13 Juni 2026</strong></p><ul>"
                "<li>pukul 08.00 WIB: kirab budaya dari Kantor Kecamatan Jenawi ke "
                "lapangan;</li>"
                "<li>pukul 10.00–16.00 WIB: pameran UMKM dan bazar hasil pertanian;</li>"
                "<li>pukul 19.30 WIB: pentas tari dan karawitan.</li></ul>",
            ),
            (
                "paragraph",
                "<p><strong>Minggu, 14 Juni 2026</strong></p><ul>"
                "<li>pukul 06.30 WIB: jalan sehat bersama warga;</li>"
                "<li>pukul 09.00–15.00 WIB: lomba masakan tradisional antardesa;</li>"
                "<li>pukul 19.30 WIB: pentas wayang kulit.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Panitia menyediakan jalur kursi roda, tempat duduk khusus bagi lansia dan "
                "penyandang disabilitas, serta juru bahasa isyarat pada acara pembukaan. "
                "Susunan acara juga tersedia dalam bentuk audio di website ini dan dalam huruf "
                "braille di meja informasi.</p>",
            ),
            (
                "paragraph",
                "<p>Pengunjung diminta memarkir kendaraan di tempat yang disediakan dan menjaga "
                "kebersihan. Informasi lebih lanjut dapat ditanyakan ke Kantor Kecamatan Jenawi "
                "pada jam kerja.</p>",
            ),
        ),
        tags=("festival budaya", "agenda", "umkm"),
        five_w_one_h={
            "what": "Festival Budaya Jenawi 2026 dengan kirab budaya, pameran UMKM, dan pentas "
            "seni.",
            "who": "Kecamatan Jenawi bersama desa, kelompok seni, dan pelaku UMKM, terbuka "
            "untuk semua warga.",
            "when": "Sabtu dan Minggu, 13–14 Juni 2026, mulai pukul 08.00 WIB.",
            "where": "Lapangan Kecamatan Jenawi, Kabupaten Karanganyar.",
            "why": "Untuk melestarikan budaya setempat dan memperkenalkan produk warga.",
            "how": "Acara berlangsung dua hari, gratis, dan dilengkapi layanan bagi lansia dan "
            "penyandang disabilitas.",
        },
        images=(
            Illustration(
                title="Festival Budaya Jenawi 2026: ilustrasi bazar",
                description=ALT_MARKET,
                scene="market",
                share=True,
            ),
            Illustration(
                title="Festival Budaya Jenawi 2026: ilustrasi lapangan",
                description=ALT_FIELD,
                scene="field",
            ),
        ),
    ),
    # --- Diskominfo Kabupaten Ketapang -------------------------------------------------------
    NewsItem(
        institution="ketapang",
        title="Diskominfo Ketapang Sosialisasikan Tugas PPID kepada Perangkat Daerah",
        date="2025-02-26",
        news_type="kegiatan",
        lead=(
            "Diskominfo Kab. Ketapang menggelar sosialisasi keterbukaan informasi publik bagi "
            "PPID Pelaksana dari OPD dan kecamatan, Rabu (26/2/2025). Peserta diingatkan untuk "
            "menjawab permohonan informasi tepat waktu."
        ),
        body=(
            (
                "paragraph",
                "<p>Sosialisasi berlangsung di aula Diskominfo Kab. Ketapang pukul "
                "09.00–13.00 WIB dan diikuti 85 peserta. Mereka adalah PPID Pelaksana dan "
                "operator website dari OPD dan kecamatan di Kabupaten Ketapang.</p>",
            ),
            (
                "paragraph",
                "<p>Narasumber menjelaskan kewajiban badan publik menurut UU No. 14 Tahun 2008. "
                "Setiap permohonan informasi wajib dijawab paling lambat 10 hari kerja dan dapat "
                "diperpanjang 7 hari kerja dengan pemberitahuan tertulis.</p>",
            ),
            (
                "paragraph",
                "<p>Peserta juga diminta memperbarui Daftar Informasi Publik di instansinya "
                "masing-masing. Daftar itu harus diumumkan di website agar warga tahu informasi "
                "apa saja yang dapat diminta.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Keterbukaan informasi bukan beban tambahan. Ini bagian dari "
                    "pelayanan kepada masyarakat.",
                    "attribution": "Kepala Diskominfo Kab. Ketapang",
                },
            ),
            (
                "paragraph",
                "<p>Diskominfo akan mengevaluasi halaman PPID di website setiap OPD pada bulan "
                "Juni 2025. Hasilnya disampaikan kepada setiap OPD sebagai bahan "
                "perbaikan.</p>",
            ),
        ),
        tags=("ppid", "keterbukaan informasi", "opd"),
        five_w_one_h={
            "what": "Sosialisasi keterbukaan informasi publik dan tugas PPID Pelaksana.",
            "who": "Diskominfo Kab. Ketapang bersama 85 PPID Pelaksana dan operator website "
            "OPD dan kecamatan.",
            "when": "Rabu, 26 Februari 2025, pukul 09.00–13.00 WIB.",
            "where": "Aula Diskominfo Kab. Ketapang, Kalimantan Barat.",
            "why": "Agar setiap permohonan informasi publik dijawab tepat waktu sesuai UU No. 14 "
            "Tahun 2008.",
            "how": "Narasumber memaparkan kewajiban badan publik, lalu peserta diminta "
            "memperbarui Daftar Informasi Publik instansinya.",
        },
        images=(
            Illustration(
                title="Sosialisasi PPID Diskominfo Ketapang 2025: ilustrasi",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
        ),
    ),
    NewsItem(
        institution="ketapang",
        title="Tim Peliput OPD di Ketapang Ikuti Pelatihan Jurnalistik Dasar",
        date="2025-10-08",
        news_type="siaran_pers",
        lead=(
            "Sebanyak 45 penulis dan anggota tim peliput dari OPD se-Kabupaten Ketapang "
            "mengikuti pelatihan jurnalistik dasar, Rabu–Kamis (8–9/10/2025). Pelatihan ini "
            "bertujuan meningkatkan mutu berita di website pemerintah."
        ),
        body=(
            (
                "paragraph",
                "<p>Pelatihan diselenggarakan Diskominfo Kab. Ketapang di ruang rapat kantor "
                "dinas mulai pukul 08.30 WIB. Materi disampaikan oleh editor dan redaktur "
                "website Pemerintah Kabupaten Ketapang.</p>",
            ),
            (
                "paragraph",
                "<p>Peserta belajar menyusun berita dengan unsur 5W+1H, menulis judul yang "
                "jelas, dan memeriksa kebenaran data sebelum mengirim naskah. Peserta juga "
                "berlatih memotret kegiatan dan menulis keterangan foto.</p>",
            ),
            ("heading", "Alur terbit berita"),
            (
                "paragraph",
                "<p>Dalam pelatihan dijelaskan alur terbit berita di website pemerintah "
                "kabupaten:</p><ol>"
                "<li>penulis meliput dan menulis berita;</li>"
                "<li>editor memeriksa dan memperbaiki naskah;</li>"
                "<li>redaktur menyaring naskah sebelum disebarkan;</li>"
                "<li>administrator web segera menerbitkan naskah yang sudah lolos.</li></ol>",
            ),
            (
                "quote",
                {
                    "quote": "Berita pemerintah harus cepat, tetapi yang lebih penting, berita "
                    "itu harus benar.",
                    "attribution": "Redaktur website Pemerintah Kab. Ketapang",
                },
            ),
            (
                "paragraph",
                "<p>Pada akhir pelatihan, setiap peserta menulis satu berita latihan. Naskah "
                "terbaik akan diterbitkan di website resmi setelah melalui penyuntingan.</p>",
            ),
        ),
        tags=("jurnalistik", "pelatihan", "website pemerintah"),
        five_w_one_h={
            "what": "Pelatihan jurnalistik dasar bagi penulis dan tim peliput OPD.",
            "who": "Diskominfo Kab. Ketapang, editor dan redaktur website, serta 45 peserta "
            "dari OPD.",
            "when": "Rabu dan Kamis, 8–9 Oktober 2025, mulai pukul 08.30 WIB.",
            "where": "Ruang rapat Diskominfo Kab. Ketapang, Kalimantan Barat.",
            "why": "Agar berita di website pemerintah kabupaten akurat, jelas, dan terbit "
            "tepat waktu.",
            "how": "Peserta mempelajari penulisan 5W+1H dan alur penyuntingan, lalu menulis "
            "satu berita latihan.",
        },
        images=(
            Illustration(
                title="Pelatihan jurnalistik Diskominfo Ketapang 2025: ilustrasi kelas",
                description=ALT_MEETING,
                scene="meeting",
                share=True,
            ),
            Illustration(
                title="Pelatihan jurnalistik Diskominfo Ketapang 2025: ilustrasi kantor",
                description=ALT_BUILDING,
                scene="building",
            ),
        ),
    ),
    NewsItem(
        institution="ketapang",
        title="Website Pemkab Ketapang Tidak Dapat Diakses pada 22–23 Agustus 2026",
        date="2026-08-19",
        news_type="pengumuman",
        lead=(
            "Website resmi Pemerintah Kab. Ketapang tidak dapat diakses pada Sabtu, 22 Agustus "
            "2026, pukul 22.00 WIB sampai Minggu, 23 Agustus 2026, pukul 02.00 WIB karena "
            "pemeliharaan server."
        ),
        body=(
            (
                "paragraph",
                "<p>Diskominfo Kab. Ketapang akan memperbarui perangkat lunak server dan "
                "memasang pengamanan tambahan. Pekerjaan ini bagian dari pemeliharaan rutin agar "
                "website tetap aman dan cepat dibuka.</p>",
            ),
            (
                "paragraph",
                "<p>Selama pemeliharaan, layanan yang terdampak adalah:</p><ul>"
                "<li>website resmi Pemerintah Kab. Ketapang;</li>"
                "<li>website OPD dan kecamatan yang memakai server yang sama;</li>"
                "<li>formulir permohonan informasi publik secara daring.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Permohonan informasi yang masuk sebelum pemeliharaan tetap diproses. Batas "
                "waktu jawaban tidak berubah karena pemeliharaan dilakukan di luar jam "
                "kerja.</p>",
            ),
            (
                "paragraph",
                "<p>Diskominfo memohon maaf atas ketidaknyamanan ini. Jika website belum dapat "
                "dibuka setelah pukul 02.00 WIB, warga dapat melapor melalui surel "
                '<a href="mailto:diskominfo.ketapang@example.go.id">'
                "diskominfo.ketapang@example.go.id</a>.</p>",
            ),
        ),
        tags=("pemeliharaan", "website pemerintah", "layanan digital"),
        five_w_one_h={
            "what": "Pemeliharaan server website Pemerintah Kabupaten Ketapang.",
            "who": "Tim pengembang web Diskominfo Kab. Ketapang.",
            "when": "Sabtu, 22 Agustus 2026, pukul 22.00 WIB sampai Minggu, 23 Agustus 2026, "
            "pukul 02.00 WIB.",
            "where": "Server website Pemerintah Kab. Ketapang di Diskominfo Kab. Ketapang.",
            "why": "Agar website pemerintah kabupaten tetap aman, terawat, dan cepat dibuka.",
            "how": "Perangkat lunak server diperbarui dan pengamanan tambahan dipasang di luar "
            "jam kerja.",
        },
        images=(
            Illustration(
                title="Pemeliharaan server Diskominfo Ketapang 2026: ilustrasi kantor",
                description=ALT_BUILDING,
                scene="building",
                share=True,
            ),
        ),
    ),
)

DISPOSITIONS: tuple[DispositionItem, ...] = (
    DispositionItem(
        institution="bunder",
        from_role="ketua_ppid",
        to_role="seksi",
        activity="Liputan Posyandu Balita Padukuhan Bunder",
        material=(
            "Posyandu balita bulan ini dilaksanakan Kamis pukul 08.00 WIB di rumah Ibu Dukuh "
            "Bunder. Kegiatan: penimbangan, imunisasi, dan penyuluhan gizi oleh bidan desa. "
            "Narahubung: kader posyandu Padukuhan Bunder."
        ),
        days_to_deadline=2,
    ),
)
