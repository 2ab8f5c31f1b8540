"""Every encoding a news archive hands us decodes back to the text that was written."""
from __future__ import annotations

import pytest

from casualty_cli.read.decode import NotText, declared_charset, read
from casualty_cli.read.inputs import Article, InputOptions, Note, Source, read_source

ARABIC = (
    "قال مسؤولون في وزارة الصحة إن 35 شخصا على الأقل قتلوا وأصيب أكثر من 120 آخرين في انفجار سيارة مفخخة "
    "في سوق مزدحم وسط المدينة صباح اليوم. وأضاف المسؤولون أن عدد القتلى مرشح للارتفاع لأن بعض الجرحى في "
    "حالة حرجة. وقال شاهد عيان لوكالة الأنباء إن الانفجار وقع قرب مدخل السوق حيث يتجمع الباعة والمتسوقون "
    "في ساعات الصباح الأولى.\n\nوأعلنت السلطات الحداد ثلاثة أيام، وطلبت المستشفيات من السكان التبرع بالدم. "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، لكن قوات الأمن اعتقلت عدة أشخاص للاستجواب. وقال محافظ "
    "المدينة إن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت أنقاض المحلات التي انهارت بسبب قوة الانفجار.\n"
)
RUSSIAN = (
    "По данным министерства здравоохранения, в результате обстрела жилого квартала погибли не менее 14 "
    "человек, ещё 37 получили ранения. Среди погибших трое детей. Спасатели продолжают разбирать завалы "
    "пятиэтажного дома, под которыми, по словам очевидцев, могут находиться ещё несколько жителей.\n\n"
    "Губернатор области объявил трёхдневный траур и пообещал выплатить компенсации семьям пострадавших. "
    "Местные жители рассказали журналистам, что взрывы были слышны в соседних районах. Около 200 человек "
    "были эвакуированы из близлежащих домов, их разместили в здании школы.\n"
)
CHINESE = (
    "据当地媒体报道，一座位于市中心的商业大楼周二下午发生火灾，造成至少十二人死亡，另有四十多人受伤被送往医院"
    "治疗。消防部门出动了三十辆消防车和两百多名消防员，经过四个多小时的扑救才将大火扑灭。\n\n当局表示，起火原因"
    "仍在调查之中，部分受伤人员伤势严重。市政府已成立专门工作组，负责伤员救治和善后处理工作。目击者称，火灾发生"
    "时大楼内有数百人正在购物，许多人从紧急出口逃生。\n"
)
JAPANESE = (
    "気象庁によりますと、大雨の影響で九州地方の各地で土砂崩れや川の氾濫が相次ぎ、これまでに少なくとも８人が死亡し、"
    "５人の行方が分からなくなっています。警察と消防は、夜を徹して捜索を続けていますが、現場では再び雨が強まっていて、"
    "作業は難航しています。\n\n県によりますと、避難所にはおよそ２０００人が身を寄せていて、住民の間には不安が広がって"
    "います。政府は関係閣僚会議を開き、被害の全容の把握を急ぐ方針です。\n"
)
FRENCH = (
    "Selon le ministère de l’Intérieur, au moins 23 personnes ont été tuées et 41 blessées lors de "
    "l’effondrement d’un immeuble à Marseille. « C’est une tragédie », a déclaré le maire devant la presse — "
    "les secours continuent de fouiller les décombres à la recherche de survivants.\n\nLes dégâts sont estimés "
    "à 3 millions d’euros (3 000 000 €) ; une enquête a été ouverte pour homicides involontaires.\n"
)
GERMAN = (
    "Nach Angaben der Polizei wurden bei dem Unglück in München mindestens 12 Menschen getötet und 30 weitere "
    "verletzt. Die Rettungskräfte suchen weiter nach Überlebenden; die Straße bleibt bis auf Weiteres gesperrt. "
    "Ärzte im Klinikum berichten über schwere Verbrennungen bei mehreren Opfern.\n"
)

SAMPLES = [
    (ARABIC, "cp1256"), (ARABIC, "iso-8859-6"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"),
    (CHINESE, "gb18030"), (JAPANESE, "shift_jis"), (ARABIC, "utf-16-le"), (ARABIC, "utf-16-be"),
    (RUSSIAN, "utf-16-le"), (FRENCH, "cp1252"), (GERMAN, "latin-1"), (ARABIC, "utf-8"), (CHINESE, "utf-8-sig"),
]


@pytest.mark.parametrize(("text", "encoding"), SAMPLES, ids=[f"{t.split()[0]}-{e}" for t, e in SAMPLES])
def test_every_sample_decodes_to_the_original(text, encoding):
    assert read(text.encode(encoding)).text == text


@pytest.mark.parametrize(("text", "encoding", "note"), [
    (ARABIC, "cp1256", "not valid UTF-8, decoded as cp1256 (detected by charset-normalizer)"),
    (RUSSIAN, "koi8-r", "not valid UTF-8, decoded as koi8-r (detected by charset-normalizer)"),
    (FRENCH, "cp1252", "not valid UTF-8, decoded as cp1252"),
    (ARABIC, "utf-16-le", None),
    (ARABIC, "utf-8", None),
])
def test_the_note_names_the_encoding_found(text, encoding, note):
    assert read(text.encode(encoding)).note == note


PAGE = ('<html><head>{meta}<title>Blast</title></head><body><article><h1>Blast kills 14</h1>'
        '<p>{text}</p></article></body></html>')


@pytest.mark.parametrize(("meta", "expected"), [
    ('<meta charset="windows-1251">', "cp1251"),
    ("<META CHARSET=koi8-r>", "koi8-r"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">', "iso8859-6"),
    ('<meta http-equiv="content-type" content="text/html;charset=Shift_JIS" />', "shift_jis"),
    ('<meta charset="gb2312">', "gb18030"),
    ('<meta charset="iso-8859-1">', "cp1252"),  # as browsers read it
    ('<meta charset="no-such-charset">', None),
    ("", None),
])
def test_declared_charset(meta, expected):
    assert declared_charset(PAGE.format(meta=meta, text="x").encode("ascii")) == expected


@pytest.mark.parametrize(("text", "charset"), [(RUSSIAN, "koi8-r"), (ARABIC, "windows-1256"),
                                               (JAPANESE, "shift_jis"), (RUSSIAN, "windows-1251")])
def test_a_page_is_read_in_the_charset_it_declares(tmp_path, text, charset):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta=f'<meta charset="{charset}">', text=text).encode(charset))
    items = list(read_source(Source(str(path), "html"), InputOptions()))
    notes = [i.message for i in items if isinstance(i, Note)]
    [article] = [i for i in items if isinstance(i, Article)]
    assert text.split("\n")[0] in article.text
    assert notes and notes[0].startswith("decoded as ") and notes[0].endswith("as the page declares")


def test_binary_with_nul_bytes_is_not_text():
    with pytest.raises(NotText):
        read(bytes(range(256)) * 8)
