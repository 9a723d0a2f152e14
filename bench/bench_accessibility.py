"""How long the accessibility versions of one article take to make.

Run from the project root:  .venv/bin/python bench/bench_accessibility.py [--repeat N]

Prints audio generation time per 1,000 words (normalise + espeak-ng + lame) and
braille conversion time per article (Unicode braille and BRF), for a realistic
Indonesian local-government news article of about 600 words.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accessibility.braille import to_brf, to_unicode_braille  # noqa: E402
from accessibility.speech import EspeakNgBackend, normalize  # noqa: E402

TITLE = "Pemkab Bantul Perkuat Ketahanan Pangan Lewat Program Pekarangan Lestari"

ARTICLE = [
    "Pemerintah Kabupaten (Pemkab) Bantul meluncurkan program Pekarangan Pangan Lestari "
    "di Balai Kalurahan Trimulyo, Kapanewon Jetis, pada Senin, 3 Maret 2025 pukul 09.00 "
    "WIB. Program ini menyasar 1.250 keluarga di 75 kalurahan yang dinilai rawan pangan "
    "berdasarkan data Dinas Pertanian, Pangan, Kelautan dan Perikanan tahun 2024.",
    "Bupati Bantul, H. Abdul Halim Muslih, mengatakan pekarangan rumah dapat menjadi "
    'sumber pangan keluarga sekaligus penghasilan tambahan. "Kalau setiap rumah menanam '
    "cabai, sayur, dan memelihara ikan di kolam kecil, belanja dapur bisa berkurang sampai "
    '30%," ujarnya di hadapan para lurah, panewu, dan kelompok wanita tani.',
    "Untuk tahun pertama, Pemkab menyiapkan anggaran sebesar Rp 4,2 miliar dari APBD. "
    "Setiap keluarga penerima mendapat paket bibit, media tanam, dan pendampingan selama "
    "enam bulan senilai Rp 1.500.000. Penyaluran dilakukan bertahap mulai 17/03/2025 "
    "hingga 30/06/2025 melalui kantor kalurahan masing-masing.",
    "Kepala Dinas Pertanian menjelaskan, bibit yang dibagikan dipilih sesuai kondisi "
    "lahan di Bantul. Wilayah pesisir seperti Kapanewon Sanden, Kretek, dan Srandakan "
    "mendapat bibit tanaman yang tahan angin dan kadar garam tinggi, sedangkan wilayah "
    "perbukitan di Dlingo dan Imogiri mendapat bibit yang cocok untuk lahan kering.",
    "Selain bibit, warga juga mengikuti pelatihan pembuatan pupuk organik dari sampah "
    "rumah tangga. Pelatihan digelar setiap Sabtu pukul 08.00-11.00 WIB di balai "
    "kalurahan dan dipandu penyuluh pertanian lapangan. Hingga pekan kedua, tercatat 640 "
    "peserta telah mengikuti pelatihan tersebut, atau sekitar 51% dari target.",
    "Lurah Trimulyo menyambut baik program tersebut. Menurutnya, banyak warga yang "
    "sebenarnya memiliki lahan sempit di sekitar rumah, tetapi belum memanfaatkannya "
    'secara optimal. "Dengan pendampingan, kami berharap ibu-ibu PKK dan karang taruna '
    'bisa mengelola pekarangan bersama-sama," katanya.',
    "Program ini juga melibatkan Badan Usaha Milik Kalurahan (BUMKal) sebagai pembeli "
    "hasil panen yang berlebih. Hasil panen akan dipasarkan ke pasar tradisional, "
    "warung, dan kantin sekolah di sekitar kalurahan. Dengan cara ini, warga tidak perlu "
    "khawatir hasil panennya tidak terjual.",
    "Sekretaris Daerah Kabupaten Bantul menambahkan, evaluasi program akan dilakukan "
    "setiap tiga bulan bersama OPD terkait, DPRD, dan perwakilan kelompok tani. Hasil "
    "evaluasi menjadi dasar penentuan penerima pada tahap berikutnya. Ia meminta para "
    "panewu memastikan data penerima tepat sasaran dan tidak tumpang tindih dengan "
    "bantuan lain.",
    "Menurut data Badan Pusat Statistik, pengeluaran untuk makanan masih menjadi bagian "
    "terbesar dari belanja rumah tangga di Bantul, yakni sekitar 49,6% pada 2024. "
    "Karena itu, pemerintah daerah menilai penguatan pangan keluarga menjadi langkah "
    "penting untuk menekan angka kemiskinan dan mencegah stunting pada anak.",
    "Warga yang ingin mendaftar dapat menghubungi kantor kalurahan setempat pada hari "
    "kerja atau menghubungi layanan pengaduan di nomor (0274) 367509. Informasi lengkap "
    "tentang syarat dan jadwal penyaluran juga tersedia di laman resmi PPID Pemkab "
    "Bantul serta akun media sosial Diskominfo Bantul.",
    "Data Dinas Pertanian mencatat luas pekarangan yang belum dimanfaatkan di Bantul "
    "mencapai sekitar 2.350 hektare. Jika separuhnya ditanami sayuran dan tanaman obat "
    "keluarga, produksi pangan rumah tangga diperkirakan naik cukup signifikan. Dinas "
    "juga akan memetakan kalurahan yang memiliki sumber air terbatas agar bantuan sumur "
    "resapan dan tandon air dapat diberikan lebih dulu.",
    "Sejumlah perguruan tinggi di Yogyakarta turut mendukung program ini. Mahasiswa yang "
    "menjalani kuliah kerja nyata akan ditempatkan di kalurahan sasaran untuk membantu "
    "pencatatan hasil panen, pembuatan kolam ikan sederhana, serta pelatihan pemasaran "
    "daring bagi pelaku UMKM. Kerja sama tersebut dituangkan dalam nota kesepahaman yang "
    "ditandatangani pada hari yang sama.",
    "Kelompok wanita tani di Kalurahan Sumberagung mengaku sudah merasakan manfaat "
    "program serupa sejak tahun lalu. Ketua kelompok menyebut anggotanya kini jarang "
    "membeli sayur di pasar karena kebutuhan harian sudah tercukupi dari pekarangan "
    "sendiri. Sisa panen dijual kepada tetangga dan hasilnya dimasukkan ke kas kelompok "
    "untuk membeli bibit pada musim tanam berikutnya.",
    "Peluncuran program ditutup dengan penanaman bibit cabai dan terong secara simbolis "
    "oleh Bupati bersama para lurah. Bupati berharap, dalam satu tahun ke depan, "
    "setiap kalurahan memiliki setidaknya satu kampung percontohan yang dapat menjadi "
    "tempat belajar bagi warga dari kalurahan lain.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    args = parser.parse_args()

    text = TITLE + "\n\n" + "\n\n".join(ARTICLE)
    words = len(text.split())
    print(f"Article: {words} words, {len(ARTICLE)} paragraphs")

    backend = EspeakNgBackend()
    if not backend.available():
        print("Audio: skipped (install the Debian packages espeak-ng and lame)")
    else:
        timings, info = [], None
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(args.repeat):
                start = time.perf_counter()
                info = backend.synthesize(text, Path(tmp) / f"article-{i}.mp3")
                timings.append(time.perf_counter() - start)
        assert info is not None
        best = min(timings)
        print(
            f"Audio: {best:.2f} s for the article (best of {args.repeat}), "
            f"{best / words * 1000:.2f} s per 1,000 words; "
            f"{info.duration_seconds:.0f} s of speech "
            f"({len(normalize(text).split()) / info.duration_seconds * 60:.0f} spoken words/min), "
            f"{info.size_bytes / 1024:.0f} KiB MP3, "
            f"{info.duration_seconds / best:.0f}x faster than real time"
        )

    unicode_times, brf_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        braille = to_unicode_braille(text)
        unicode_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        brf = to_brf(TITLE, ARTICLE)
        brf_times.append(time.perf_counter() - start)
    pages = brf.count(b"\f") + 1
    print(
        f"Braille: Unicode {min(unicode_times) * 1000:.1f} ms per article "
        f"({len(braille)} cells), BRF {min(brf_times) * 1000:.1f} ms per article "
        f"({pages} pages of 40x25); median BRF {statistics.median(brf_times) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
