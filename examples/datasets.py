"""Three real reports on mass-mobilisation work, rebuilt as danvan datasets.

Each function below turns one report of the project's corpus into a
:class:`danvan.Dataset`: the units the report names, the documents it cites (codes and
dates exactly as written), the campaigns and funds it speaks of, and every figure it
states, as an :class:`danvan.Observation` of an :class:`danvan.Indicator`.

- :func:`hong_linh_2021`: Hồng Lĩnh town (Hà Tĩnh), mass-mobilisation work in 2021;
- :func:`nam_dinh_2022`: Nam Định province, article of February 2022;
- :func:`hoa_thanh_2020`: Hòa Thành town (Tây Ninh), the 2020 coordination programme.

Figures are exactly as the reports state them: "1.798.702.098đ" is ``1798702098`` and
"96%" is ``Decimal("0.96")`` (a rate is stored as a ratio). What a report says beside a
figure is a field of its observation, never prose: "trên 3,8 tỷ đồng" is the figure with
``bound=Bound.MORE_THAN``; "đạt 108,39% KH" without the plan is
``stated_attainment=Decimal("1.0839")``; "tăng 17% so với năm 2020" without the 2020
figure is ``stated_change=Decimal("0.17")`` with ``baseline_period=Period.year(2020)``.
No plan and no earlier figure is made up. An "a/b" figure ("19/21 chỉ tiêu") is two
counted indicators with an observation each, and a ratio indicator whose ``numerator``
and ``denominator`` name them, so that "6/8" is not reduced to 3/4. Documents cited by
code without a date or a subject are recorded with what the report gives. What had to
be interpreted is listed in each dataset's ``notes``; its ``source``, printed in
reports as "Nguồn: …", cites the report in Vietnamese. Every dataset validates:
``dataset.validate() == ()``.

Run ``python examples/datasets.py`` to write the datasets as JSON into
``examples/data/``; files that are already up to date are left alone.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from danvan import (
    Campaign,
    CampaignKind,
    Dataset,
    Directive,
    DocumentCode,
    Identifier,
    Indicator,
    Level,
    Observation,
    Period,
    RollUp,
    Unit,
    UnitKind,
    to_json,
)
from danvan.observations import Bound, Counting

DATA_DIR = Path(__file__).resolve().parent / "data"


def _issuer(code: str) -> tuple[Identifier, ...]:
    """The abbreviation a unit signs its documents with ("ThU", "BDVTU")."""
    return (Identifier("document_issuer", code),)


# "Dân vận khéo" is a national movement: none of the reports names who launched it.
# DOMAIN.md: launched in 2009 by the central Ban Dân vận.
DAN_VAN_KHEO_LAUNCHER = Unit(
    id="bdv-tw",
    name="Ban Dân vận Trung ương",
    kind=UnitKind.MASS_MOBILIZATION_BOARD,
    level=Level.CENTRAL,
    identifiers=_issuer("BDVTW"),
)
DAN_VAN_KHEO = Campaign(
    id="dan-van-kheo",
    name="Dân vận khéo",
    kind=CampaignKind.EMULATION_MOVEMENT,
    launching_unit_id="bdv-tw",
)
DAN_VAN_KHEO_NOTE = (
    'The report does not say who launched the "Dân vận khéo" movement; the central Ban'
    " Dân vận (unit bdv-tw), which launched it in 2009 (DOMAIN.md), is recorded as its"
    " launching unit, because a Campaign must name one."
)
MODELS_NOTE = (
    "No MobilizationModel is recorded: the report names no individual model with its"
    " holder, unit and dates, so model counts are recorded as observations instead."
)
LIFETIME_NOTE = (
    "Units are recorded as the report speaks of them, without founding or dissolution"
    " dates (the report gives none; the 2025 reform is after it)."
)


# ------------------------------------------------------------------- Hồng Lĩnh, 2021


def hong_linh_2021() -> Dataset:
    """Hồng Lĩnh town (thị xã Hồng Lĩnh, Hà Tĩnh): mass-mobilisation work in 2021."""
    citation = (
        "Bài viết về công tác dân vận năm 2021 của hệ thống chính trị thị xã Hồng Lĩnh,"
        " tỉnh Hà Tĩnh (không ghi tên bài, tác giả, ngày đăng; nội dung tổng kết năm"
        " 2021, dẫn văn bản đến ngày 03/12/2021 và nêu nhiệm vụ năm 2022), đăng trên"
        " trang thông tin điện tử có mục “Bản đồ thị xã Hồng Lĩnh”. Bản lưu trong kho"
        " báo cáo của danvan: corpus/000_fbfeb734c26a8be3.txt."
    )
    notes = [
        "The province (Hà Tĩnh) comes from the corpus README; the text says only"
        ' "tỉnh" and "Tỉnh ủy". The text has no title, author or date; the source'
        " describes it by its content, and the website by the one link that names the"
        " town.",
        "Figures for the whole town are recorded against the Thị ủy (hong-linh-thu),"
        " the Party committee at the head of the town's political system; the report"
        " does not say which unit reached them.",
        "Ban Dân vận Thị ủy is not named in so many words; the report's \"hệ thống dân"
        ' vận" that advises the committee ("tham mưu cấp ủy") is its work, so it is'
        ' recorded as a unit without figures. Of the "Ban Chỉ đạo phong trào thi đua'
        ' “Dân vận khéo” các cấp", the town-level one is recorded.',
        'The Fatherland Front and "các tổ chức chính trị - xã hội" are named together;'
        " the town's Front committee is recorded, the five organisations are not named"
        " one by one and are not recorded as units.",
        '"77 văn bản" stands in the paragraph "Trong những năm qua"; every document it'
        " cites is of 2021, so the figure is recorded for 2021.",
        "Kết luận 25-KL/ThU: the report does not name its issuing body; ThU, the code's"
        " issuer, is recorded as the Thị ủy. Nghị quyết 02-NQ/ThU is cited by code only"
        ' ("của Ban Chấp hành Đảng bộ thị xã (khóa V)"): it is recorded as a directive of'
        " the Thị ủy without title or date, and as the document 25-KL/ThU implements; the"
        ' term (khóa V) has no field and is kept here. "Quyết định 22 của Tỉnh ủy" has'
        " no full code (no issuer abbreviation is written) and is not recorded:"
        ' "22-QĐ/TU" would be a guess.',
        'Đề án 202 runs "giai đoạn 2021-2025 và những năm tiếp theo": it has no end, so'
        " its period is left open (None).",
        DAN_VAN_KHEO_NOTE,
        'Movements and funds named in passing ("Toàn dân bảo vệ an ninh Tổ quốc", "Thi'
        ' đua quyết thắng", the "chỉnh trang đô thị" movement, quỹ Vaccine phòng chống'
        " dịch Covid-19) are not recorded as campaigns: the report gives no launcher and"
        " no figure of their own (the 3,8 tỷ đồng covers the vaccine fund and the other"
        " support together).",
        MODELS_NOTE + ' The kinds of model it highlights ("Khéo trong tuyên truyền, vận'
        ' động…") are descriptions, not names of models.',
        '"70 mô hình …, đạt 73%, tăng 17% so với năm 2020": the plan behind 73% and the'
        " 2020 number are not stated, so both percentages are fields of the observation"
        " of the 70 models (stated attainment 0.73; stated change 0.17 against the year"
        ' 2020). "tăng 17%" is read as the relative change in the number of models'
        " (DOMAIN.md's reading), though it could also be points of the rate. \"52 mô"
        ' hình cấp cơ sở được công nhận, 26 mô hình được biểu dương" follow "bên cạnh'
        ' đó" (besides) and are recorded as indicators of their own; the report does'
        " not say whether they are part of the 70.",
        '"19/21 chỉ tiêu" and "6/8 sản phẩm": the two counts of each are observations'
        " and a ratio indicator is defined over them. The report says nothing more about"
        " the 8 products considered. The 21 indicators are those of the town's 2021"
        " plan, a stock (roll-up LAST) of distinct indicators.",
        '"đạt trên 3,8 tỷ đồng" is recorded as 3,8 tỷ đồng with the bound "trên" (more than).',
        'The insurance coverage rates (96%, 43%) are given "đến nay" (to date) in the'
        " review of 2021 and are recorded for 2021. Their parts (people insured,"
        " population, workers of working age) are not stated, so they are rates of"
        " their own, not ratio indicators.",
        "No figure is marked lower-is-better: the report treats every figure as an achievement.",
        '"kỷ niệm 30 năm ngày thành lập thị xã" (2022) is an anniversary, not a figure'
        " of the work, and is not recorded.",
        LIFETIME_NOTE,
    ]
    year = Period.year(2021)
    town = "hong-linh-thu"
    return Dataset(
        title="Công tác dân vận năm 2021 của thị xã Hồng Lĩnh (Hà Tĩnh)",
        source=citation,
        notes=tuple(notes),
        units=(
            DAN_VAN_KHEO_LAUNCHER,
            Unit(
                id="ha-tinh-tu",
                name="Tỉnh ủy Hà Tĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.PROVINCE,
                identifiers=_issuer("TU"),
            ),
            Unit(
                id="hong-linh-thu",
                name="Thị ủy Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.DISTRICT,
                parent="ha-tinh-tu",
                other_names=("Ban Chấp hành Đảng bộ thị xã Hồng Lĩnh",),
                identifiers=_issuer("ThU"),
            ),
            Unit(
                id="hong-linh-btv",
                name="Ban Thường vụ Thị ủy Hồng Lĩnh",
                kind=UnitKind.STANDING_COMMITTEE,
                level=Level.DISTRICT,
                parent="hong-linh-thu",
            ),
            Unit(
                id="hong-linh-bdv",
                name="Ban Dân vận Thị ủy Hồng Lĩnh",
                kind=UnitKind.MASS_MOBILIZATION_BOARD,
                level=Level.DISTRICT,
                parent="hong-linh-thu",
            ),
            Unit(
                id="hong-linh-bcd-dvk",
                name="Ban Chỉ đạo phong trào thi đua “Dân vận khéo” thị xã Hồng Lĩnh",
                kind=UnitKind.STEERING_COMMITTEE,
                level=Level.DISTRICT,
                parent="hong-linh-thu",
            ),
            Unit(
                id="hong-linh-mttq",
                name="Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Hồng Lĩnh",
                kind=UnitKind.FATHERLAND_FRONT,
                level=Level.DISTRICT,
                other_names=("Mặt trận Tổ quốc thị xã Hồng Lĩnh",),
            ),
        ),
        directives=(
            Directive(
                DocumentCode.parse("08-CT/ThU"),
                "Về tiếp tục tăng cường sự lãnh đạo của Đảng đối với công tác dân vận"
                " của chính quyền và các cơ quan nhà nước",
                date(2021, 5, 19),
                ("hong-linh-btv",),
            ),
            # "Nghị quyết số 02-NQ/ThU của Ban Chấp hành Đảng bộ thị xã (khóa V)": by code only
            Directive(DocumentCode.parse("02-NQ/ThU"), issuer_ids=("hong-linh-thu",)),
            Directive(
                DocumentCode.parse("25-KL/ThU"),
                "Về tiếp tục thực hiện Nghị quyết số 02-NQ/ThU của Ban Chấp hành Đảng bộ"
                " thị xã (khóa V)",
                date(2021, 12, 3),
                ("hong-linh-thu",),
                implements=(DocumentCode.parse("02-NQ/ThU"),),
            ),
            Directive(
                DocumentCode.parse("202-QĐ/ThU"),
                "Về ban hành Đề án “Đổi mới, nâng cao chất lượng hoạt động của Mặt trận"
                " Tổ quốc và các tổ chức chính trị - xã hội giai đoạn 2021-2025 và những"
                " năm tiếp theo”",
                date(2021, 11, 25),
                ("hong-linh-btv",),
            ),
        ),
        campaigns=(
            DAN_VAN_KHEO,
            Campaign(
                id="hong-linh-de-an-202",
                name="Đề án “Đổi mới, nâng cao chất lượng hoạt động của Mặt trận Tổ quốc"
                " và các tổ chức chính trị - xã hội giai đoạn 2021-2025 và những năm"
                " tiếp theo”",
                kind=CampaignKind.PROJECT,
                launching_unit_id="hong-linh-btv",
                directive="202-QĐ/ThU",
            ),
        ),
        indicators=(
            Indicator(
                code="documents.issued",
                name="Văn bản các loại cụ thể hóa chủ trương, nghị quyết, chỉ thị về công"
                " tác dân vận được ban hành",
                unit="văn bản",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="plan.indicators_met",
                name="Chỉ tiêu đạt và vượt kế hoạch",
                unit="chỉ tiêu",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="plan.indicators",
                name="Chỉ tiêu của kế hoạch",
                unit="chỉ tiêu",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="plan.indicators_met.share",
                name="Chỉ tiêu đạt và vượt kế hoạch",
                unit="%",
                numerator="plan.indicators_met",
                denominator="plan.indicators",
            ),
            Indicator(
                code="products.rural_industry_recognised",
                name="Sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh",
                unit="sản phẩm",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="products.rural_industry_considered",
                name="Sản phẩm xét công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh",
                unit="sản phẩm",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="products.rural_industry_recognised.share",
                name="Sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh",
                unit="%",
                numerator="products.rural_industry_recognised",
                denominator="products.rural_industry_considered",
            ),
            Indicator(
                code="models.recognised_and_commended",
                name="Mô hình “Dân vận khéo” được công nhận và biểu dương",
                unit="mô hình",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="models.recognised.commune",
                name="Mô hình “Dân vận khéo” cấp cơ sở được công nhận",
                unit="mô hình",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="models.commended",
                name="Mô hình “Dân vận khéo” được biểu dương",
                unit="mô hình",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="covid.support_raised",
                name="Đóng góp quỹ Vaccine phòng chống dịch Covid-19, ủng hộ đồng bào vùng"
                " giãn cách xã hội, các khu cách ly tập trung, khu vực phong tỏa và đồng"
                " bào các tỉnh phía Nam",
                unit="đồng",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="health_insurance.coverage",
                name="Tỷ lệ bao phủ bảo hiểm y tế (trên dân số)",
                unit="%",
                roll_up=RollUp.LAST,
            ),
            Indicator(
                code="social_insurance.coverage",
                name="Tỷ lệ bao phủ bảo hiểm xã hội cho người lao động trong độ tuổi lao động",
                unit="%",
                roll_up=RollUp.LAST,
            ),
        ),
        observations=(
            # "ban hành 77 văn bản các loại"
            Observation(indicator="documents.issued", unit_id=town, period=year, actual=77),
            # "19/21 chỉ tiêu đạt và vượt kế hoạch"
            Observation(indicator="plan.indicators_met", unit_id=town, period=year, actual=19),
            Observation(indicator="plan.indicators", unit_id=town, period=year, actual=21),
            # "6/8 sản phẩm được công nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh"
            Observation(
                indicator="products.rural_industry_recognised",
                unit_id=town,
                period=year,
                actual=6,
            ),
            Observation(
                indicator="products.rural_industry_considered",
                unit_id=town,
                period=year,
                actual=8,
            ),
            # "công nhận và biểu dương 70 mô hình “Dân vận khéo” …, đạt 73%, tăng 17% so với
            # năm 2020"
            Observation(
                indicator="models.recognised_and_commended",
                unit_id=town,
                period=year,
                actual=70,
                stated_attainment=Decimal("0.73"),
                stated_change=Decimal("0.17"),
                baseline_period=Period.year(2020),
            ),
            # "có 52 mô hình cấp cơ sở được công nhận, 26 mô hình được biểu dương"
            Observation(
                indicator="models.recognised.commune", unit_id=town, period=year, actual=52
            ),
            Observation(indicator="models.commended", unit_id=town, period=year, actual=26),
            # "đạt trên 3,8 tỷ đồng"
            Observation(
                indicator="covid.support_raised",
                unit_id=town,
                period=year,
                actual=3800000000,
                bound=Bound.MORE_THAN,
            ),
            # "tỷ lệ bao phủ bảo hiểm y tế trên địa bàn đạt 96% dân số"
            Observation(
                indicator="health_insurance.coverage",
                unit_id=town,
                period=year,
                actual=Decimal("0.96"),
            ),
            # "tỷ lệ bao phủ bảo hiểm xã hội … đạt 43%"
            Observation(
                indicator="social_insurance.coverage",
                unit_id=town,
                period=year,
                actual=Decimal("0.43"),
            ),
        ),
    )


# ------------------------------------------------------------------- Nam Định, 2022


def nam_dinh_2022() -> Dataset:
    """Nam Định province: "Đổi mới, nâng cao hiệu quả công tác dân vận" (February 2022)."""
    citation = (
        "Bài “Đổi mới, nâng cao hiệu quả công tác dân vận” về sự lãnh đạo công tác dân"
        " vận của Ban Thường vụ Tỉnh ủy Nam Định, tác giả Văn Trọng (bài và ảnh), tháng"
        " 02/2022 (bài ghi “2022-02”, không ghi ngày). Bản lưu trong kho báo cáo của"
        " danvan: corpus/001_e70b725e486fad51.txt."
    )
    notes = [
        "The province (Nam Định) comes from the corpus README; the text says"
        ' "tỉnh" and names huyện Mỹ Lộc, a district of Nam Định.',
        'Figures given "Hiện nay" (now) or "Đến nay" (to date) are stocks: they are'
        " recorded for the month of the dateline, February 2022, with roll-up LAST.",
        "Figures for the whole province are recorded against the Tỉnh ủy (nam-dinh-tu);"
        " the 26 documents reviewed are recorded against the Ban Thường vụ, which the"
        " report says reviewed them.",
        '"sơ, tổng kết 26 nghị quyết, chỉ thị, kết luận, quyết định" counts "từ năm 2011'
        ' đến nay" (from 2011 to date): it is recorded as a cumulative stock in February'
        " 2022, since no Period runs from January 2011 to February 2022.",
        '"10/10 huyện ủy, thành ủy" and "226/226 đảng ủy cấp xã": the two counts of each'
        " are observations (stocks of distinct committees, roll-up LAST) and a ratio"
        " indicator is defined over them. That the head of the provincial Ban Dân vận is"
        " a member of the standing committee is a yes/no fact, not recorded as a figure.",
        '"100% cơ quan hành chính Nhà nước cấp tỉnh và UBND các cấp": the report gives'
        " neither the number of agencies nor of committees, so the share is a rate of its"
        " own (1.00), not a ratio indicator over two counts.",
        '"3.545 mô hình, điển hình …; trong đó có 2.066 tập thể, 1.479 cá nhân": three'
        " indicators (total, held by collectives, held by individuals), stocks of"
        ' distinct models "đến nay" (to date). The 26 documents reviewed since 2011 are'
        " distinct documents too.",
        "The report cites no document by code or date: the Ban Thường vụ's \"Quyết định"
        ' về Quy chế công tác dân vận trong hệ thống chính trị" and the "Chương trình'
        ' hành động" have no number, and a directive needs at least its code, so they'
        " are not recorded.",
        DAN_VAN_KHEO_NOTE,
        'The Fatherland Front and "các đoàn thể chính trị - xã hội" are named together;'
        " the provincial Front committee is recorded, the organisations are not named one"
        " by one and are not recorded as units.",
        'The Trung tâm giao dịch hành chính "một cửa" huyện Mỹ Lộc is named in a photo'
        " caption; the body above it (UBND huyện Mỹ Lộc) is not named, so it has no"
        " parent in the tree.",
        'Quỹ phòng, chống dịch bệnh COVID-19 and the "chương trình mục tiêu quốc gia xây'
        ' dựng NTM" are named without launcher or figures and are not recorded as'
        ' campaigns. "6 tháng, một năm" are reporting intervals, not figures.',
        MODELS_NOTE,
        LIFETIME_NOTE,
    ]
    now = Period.month(2022, 2)
    province = "nam-dinh-tu"
    return Dataset(
        title="Đổi mới, nâng cao hiệu quả công tác dân vận (tỉnh Nam Định, 2022)",
        source=citation,
        notes=tuple(notes),
        units=(
            DAN_VAN_KHEO_LAUNCHER,
            Unit(
                id="nam-dinh-tu",
                name="Tỉnh ủy Nam Định",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.PROVINCE,
                other_names=("Ban Chấp hành Đảng bộ tỉnh Nam Định", "BCH Đảng bộ tỉnh"),
                identifiers=_issuer("TU"),
            ),
            Unit(
                id="nam-dinh-btv",
                name="Ban Thường vụ Tỉnh ủy Nam Định",
                kind=UnitKind.STANDING_COMMITTEE,
                level=Level.PROVINCE,
                parent="nam-dinh-tu",
                other_names=("Ban TVTU",),
            ),
            Unit(
                id="nam-dinh-tt",
                name="Thường trực Tỉnh ủy Nam Định",
                kind=UnitKind.STANDING_BOARD,
                level=Level.PROVINCE,
                parent="nam-dinh-tu",
            ),
            Unit(
                id="nam-dinh-bdv",
                name="Ban Dân vận Tỉnh ủy Nam Định",
                kind=UnitKind.MASS_MOBILIZATION_BOARD,
                level=Level.PROVINCE,
                parent="nam-dinh-tu",
                identifiers=_issuer("BDVTU"),
            ),
            Unit(
                id="nam-dinh-mttq",
                name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nam Định",
                kind=UnitKind.FATHERLAND_FRONT,
                level=Level.PROVINCE,
                other_names=("MTTQ tỉnh",),
            ),
            Unit(
                id="my-loc-mot-cua",
                name="Trung tâm giao dịch hành chính “một cửa” huyện Mỹ Lộc",
                kind=UnitKind.GOVERNMENT_AGENCY,
                level=Level.DISTRICT,
            ),
        ),
        campaigns=(DAN_VAN_KHEO,),
        indicators=(
            Indicator(
                code="party_committees.district.mobilization_head_in_standing_committee",
                name="Huyện ủy, thành ủy có Trưởng Ban Dân vận là ủy viên ban thường vụ cấp ủy",
                unit="huyện ủy, thành ủy",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="party_committees.district",
                name="Huyện ủy, thành ủy trực thuộc Tỉnh ủy",
                unit="huyện ủy, thành ủy",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="party_committees.district.mobilization_head_in_standing_committee.share",
                name="Huyện ủy, thành ủy có Trưởng Ban Dân vận là ủy viên ban thường vụ cấp ủy",
                unit="%",
                numerator="party_committees.district.mobilization_head_in_standing_committee",
                denominator="party_committees.district",
            ),
            Indicator(
                code="party_committees.commune.mobilization_bloc_consolidated",
                name="Đảng ủy cấp xã đã kiện toàn khối dân vận do phó bí thư thường trực"
                " đảng ủy làm trưởng khối",
                unit="đảng ủy",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="party_committees.commune",
                name="Đảng ủy cấp xã",
                unit="đảng ủy",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="party_committees.commune.mobilization_bloc_consolidated.share",
                name="Đảng ủy cấp xã đã kiện toàn khối dân vận do phó bí thư thường trực"
                " đảng ủy làm trưởng khối",
                unit="%",
                numerator="party_committees.commune.mobilization_bloc_consolidated",
                denominator="party_committees.commune",
            ),
            Indicator(
                code="state_agencies.mobilization_leader_assigned.share",
                name="Tỷ lệ cơ quan hành chính Nhà nước cấp tỉnh và UBND các cấp đã phân"
                " công lãnh đạo phụ trách công tác dân vận",
                unit="%",
                roll_up=RollUp.LAST,
            ),
            Indicator(
                code="documents.reviewed_since_2011",
                name="Nghị quyết, chỉ thị, kết luận, quyết định của Đảng về công tác dân"
                " vận và đoàn thể đã được sơ kết, tổng kết từ năm 2011",
                unit="văn bản",
                roll_up=RollUp.LAST,
                description="Cumulative from 2011 to the date of the report.",
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="models.built",
                name="Mô hình, điển hình “Dân vận khéo” đã xây dựng được (lũy kế)",
                unit="mô hình, điển hình",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="models.built.collective",
                name="Mô hình, điển hình “Dân vận khéo” đã xây dựng được của tập thể (lũy kế)",
                unit="mô hình, điển hình",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="models.built.individual",
                name="Mô hình, điển hình “Dân vận khéo” đã xây dựng được của cá nhân (lũy kế)",
                unit="mô hình, điển hình",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
        ),
        observations=(
            # "Trưởng Ban Dân vận cấp tỉnh và 10/10 huyện ủy, thành ủy là thường vụ cấp ủy"
            Observation(
                indicator="party_committees.district.mobilization_head_in_standing_committee",
                unit_id=province,
                period=now,
                actual=10,
            ),
            Observation(
                indicator="party_committees.district", unit_id=province, period=now, actual=10
            ),
            # "226/226 đảng ủy cấp xã đều kiện toàn khối dân vận"
            Observation(
                indicator="party_committees.commune.mobilization_bloc_consolidated",
                unit_id=province,
                period=now,
                actual=226,
            ),
            Observation(
                indicator="party_committees.commune", unit_id=province, period=now, actual=226
            ),
            # "100% cơ quan hành chính Nhà nước cấp tỉnh và UBND các cấp đã phân công …"
            Observation(
                indicator="state_agencies.mobilization_leader_assigned.share",
                unit_id=province,
                period=now,
                actual=Decimal("1.00"),
            ),
            # "Từ năm 2011 đến nay, Ban TVTU đã tổ chức sơ, tổng kết 26 nghị quyết, …"
            Observation(
                indicator="documents.reviewed_since_2011",
                unit_id="nam-dinh-btv",
                period=now,
                actual=26,
            ),
            # "3.545 mô hình, điển hình “Dân vận khéo”; trong đó có 2.066 tập thể, 1.479 cá
            # nhân"
            Observation(indicator="models.built", unit_id=province, period=now, actual=3545),
            Observation(
                indicator="models.built.collective", unit_id=province, period=now, actual=2066
            ),
            Observation(
                indicator="models.built.individual", unit_id=province, period=now, actual=1479
            ),
        ),
    )


# ------------------------------------------------------------------ Hòa Thành, 2020


def hoa_thanh_2020() -> Dataset:
    """Hòa Thành town (thị xã Hòa Thành, Tây Ninh): the 2020 coordination programme."""
    citation = (
        "Bài “Kết quả thực hiện Chương trình phối hợp giữa Ban Dân vận Thị uỷ và Uỷ ban"
        " nhân dân Thị xã năm 2020” của tác giả Nguyễn Thu về thị xã Hòa Thành, tỉnh Tây"
        " Ninh, đăng ngày thứ hai, 09/11/2020. Bản lưu trong kho báo cáo của danvan:"
        " corpus/002_30bf4d38b8046724.txt."
    )
    notes = [
        'The province (Tây Ninh) comes from the corpus README; the text says "tỉnh".',
        "Figures for the whole town are recorded against the Thị ủy (hoa-thanh-thu),"
        " the Party committee at the head of the town's political system; the report"
        " does not say which unit reached them. The 38 supervisions and 08"
        " recommendations are those of the Ban Thanh tra nhân dân and the Ban giám sát"
        " đầu tư cộng đồng, which exist in every commune and are not named one by one:"
        " the indicator's name says whose they are.",
        '"Ban Dân vận Huyện ủy (nay là Ban Dân vận Thị ủy)" and "Ủy ban nhân dân huyện'
        ' (nay là UBND thị xã)": the report treats them as the same bodies under a new'
        " name, so the old names are other_names (the report gives no date for the"
        " change, which Unit.successors would need).",
        "Kế hoạch 70-KH/BDVTU-BCSĐUBND: the report gives no subject, so it has no title."
        ' Kế hoạch 123-KH/BDV-UBND implements it ("Thực hiện Kế hoạch số 70…").',
        "Chương trình phối hợp 16-CTr/BDV-UBND has no date in the report: it is recorded"
        " as a directive without a date, issued by the two bodies it is between, its"
        ' title the subject the report gives ("về công tác dân vận, giai đoạn'
        ' 2016-2021"), and as the document of the programme campaign for 2016-2021. The'
        " 2020 coordination that the title reports on is recorded as a programme"
        " campaign for 2020 under plan 123-KH/BDV-UBND.",
        'Quỹ "Vì người nghèo": the report does not say who raised it; the fund is run by'
        " the Fatherland Front committee at each level, so the town's Front committee is"
        ' recorded as its launching unit. "đạt 108,39% KH": the plan is not stated, so'
        " 108,39% is the stated attainment (1.0839) of the observation of the money"
        " raised, and no Target is recorded.",
        DAN_VAN_KHEO_NOTE,
        'Movements named in passing ("Hòa Thành chung sức xây dựng nông thôn mới, đô thi'
        ' văn minh", "Toàn dân đoàn kết xây dụng nông thôn mới, đô thị văn minh", spelled'
        ' so in the report) and the "nhà đại đoàn kết" houses are not recorded as'
        " campaigns: the report names no launcher. The figures of the houses are"
        " recorded as observations.",
        '"9.278 lượt lượt người" (a word doubled in the report) is read as 9.278 lượt'
        " người, a count of occurrences (a person attending two sessions counts twice).",
        '"33/33 cơ sở" and "15/15 cơ sở": the two counts of each are observations (stocks'
        " of distinct establishments, roll-up LAST) and a ratio indicator is defined over"
        ' them. "6 tiêu chuẩn" and "5 tiêu chuẩn" are the sizes of the sets of'
        ' standards, kept in the indicators\' names; "đạt loại xuất sắc" is read as'
        " applying to the 15 religious establishments.",
        '"trên 90% số ý kiến" is recorded as 90% with the bound "trên" (more than); the'
        " number of opinions is not stated, so the share is a rate of its own, not a"
        ' ratio indicator. "02 cấp" counts the levels (town, commune) at which dialogues'
        " were held.",
        "No figure is marked lower-is-better: the report gives no figure of what it"
        " wants fewer of (the fall in poor households is stated without a number).",
        "The view and visitor counters of the web page are not figures of the report.",
        MODELS_NOTE,
        LIFETIME_NOTE,
    ]
    year = Period.year(2020)
    town = "hoa-thanh-thu"
    return Dataset(
        title="Kết quả thực hiện Chương trình phối hợp giữa Ban Dân vận Thị ủy và Ủy ban"
        " nhân dân thị xã Hòa Thành (Tây Ninh) năm 2020",
        source=citation,
        notes=tuple(notes),
        units=(
            DAN_VAN_KHEO_LAUNCHER,
            Unit(
                id="tay-ninh-tu",
                name="Tỉnh ủy Tây Ninh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.PROVINCE,
                identifiers=_issuer("TU"),
            ),
            Unit(
                id="tay-ninh-bdv",
                name="Ban Dân vận Tỉnh ủy Tây Ninh",
                kind=UnitKind.MASS_MOBILIZATION_BOARD,
                level=Level.PROVINCE,
                parent="tay-ninh-tu",
                identifiers=_issuer("BDVTU"),
            ),
            Unit(
                id="tay-ninh-bcsd-ubnd",
                name="Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh",
                kind=UnitKind.PARTY_DELEGATION,
                level=Level.PROVINCE,
                parent="tay-ninh-tu",
                identifiers=_issuer("BCSĐUBND"),
            ),
            Unit(
                id="hoa-thanh-thu",
                name="Thị ủy Hòa Thành",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.DISTRICT,
                parent="tay-ninh-tu",
                identifiers=_issuer("ThU"),
            ),
            Unit(
                id="hoa-thanh-bdv",
                name="Ban Dân vận Thị ủy Hòa Thành",
                kind=UnitKind.MASS_MOBILIZATION_BOARD,
                level=Level.DISTRICT,
                parent="hoa-thanh-thu",
                other_names=("Ban Dân vận Huyện ủy Hòa Thành",),
                identifiers=_issuer("BDV"),
            ),
            Unit(
                id="tay-ninh-ubnd",
                name="Ủy ban nhân dân tỉnh Tây Ninh",
                kind=UnitKind.PEOPLES_COMMITTEE,
                level=Level.PROVINCE,
            ),
            Unit(
                id="hoa-thanh-ubnd",
                name="Ủy ban nhân dân thị xã Hòa Thành",
                kind=UnitKind.PEOPLES_COMMITTEE,
                level=Level.DISTRICT,
                parent="tay-ninh-ubnd",
                other_names=("Ủy ban nhân dân huyện Hòa Thành", "UBND thị xã Hòa Thành"),
                identifiers=_issuer("UBND"),
            ),
            Unit(
                id="hoa-thanh-tiep-cong-dan",
                name="Ban tiếp công dân thị xã Hòa Thành",
                kind=UnitKind.GOVERNMENT_AGENCY,
                level=Level.DISTRICT,
                parent="hoa-thanh-ubnd",
            ),
            Unit(
                id="long-hoa-ubnd",
                name="Ủy ban nhân dân phường Long Hoa",
                kind=UnitKind.PEOPLES_COMMITTEE,
                level=Level.COMMUNE,
                parent="hoa-thanh-ubnd",
            ),
            Unit(
                id="hoa-thanh-mttq",
                name="Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Hòa Thành",
                kind=UnitKind.FATHERLAND_FRONT,
                level=Level.DISTRICT,
                other_names=("MTTQVN thị xã Hòa Thành",),
            ),
        ),
        directives=(
            # "Kế hoạch số 70-KH/BDVTU-BCSĐUBND, ngày 27/02/2020 của Ban Dân vận Tỉnh ủy và
            # Ban cán sự Đảng Uỷ ban nhân dân tỉnh": no subject
            Directive(
                DocumentCode.parse("70-KH/BDVTU-BCSĐUBND"),
                issued=date(2020, 2, 27),
                issuer_ids=("tay-ninh-bdv", "tay-ninh-bcsd-ubnd"),
            ),
            Directive(
                DocumentCode.parse("123-KH/BDV-UBND"),
                "Về phối hợp thực hiện công tác dân vận chính quyền năm 2020",
                date(2020, 3, 17),
                ("hoa-thanh-bdv", "hoa-thanh-ubnd"),
                implements=(DocumentCode.parse("70-KH/BDVTU-BCSĐUBND"),),
            ),
            # "Chương trình phối hợp số 16-CTr/BDV-UBND giữa Ban Dân vận Huyện ủy … và Ủy ban
            # nhân dân huyện … về công tác dân vận, giai đoạn 2016-2021": no date
            Directive(
                DocumentCode.parse("16-CTr/BDV-UBND"),
                "Về công tác dân vận, giai đoạn 2016-2021",
                issuer_ids=("hoa-thanh-bdv", "hoa-thanh-ubnd"),
            ),
        ),
        campaigns=(
            DAN_VAN_KHEO,
            Campaign(
                id="hoa-thanh-phoi-hop-2020",
                name="Phối hợp giữa Ban Dân vận Thị ủy và Ủy ban nhân dân thị xã thực hiện"
                " công tác dân vận chính quyền năm 2020",
                kind=CampaignKind.PROGRAMME,
                launching_unit_id="hoa-thanh-bdv",
                partner_unit_ids=("hoa-thanh-ubnd",),
                directive="123-KH/BDV-UBND",
                period=year,
            ),
            Campaign(
                id="hoa-thanh-ctr-16",
                name="Chương trình phối hợp giữa Ban Dân vận Huyện ủy (nay là Ban Dân vận"
                " Thị ủy) và Ủy ban nhân dân huyện (nay là UBND thị xã) về công tác dân"
                " vận, giai đoạn 2016-2021",
                kind=CampaignKind.PROGRAMME,
                launching_unit_id="hoa-thanh-bdv",
                partner_unit_ids=("hoa-thanh-ubnd",),
                directive="16-CTr/BDV-UBND",
                period=Period.years(2016, 2021),
            ),
            Campaign(
                id="hoa-thanh-vi-nguoi-ngheo",
                name="Quỹ “Vì người nghèo”",
                kind=CampaignKind.FUND,
                launching_unit_id="hoa-thanh-mttq",
            ),
        ),
        indicators=(
            Indicator(
                code="propaganda.sessions",
                name="Cuộc tuyên truyền, vận động nhân dân thực hiện các chủ trương, đường"
                " lối của Đảng, chính sách pháp luật của Nhà nước",
                unit="cuộc",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="propaganda.attendance",
                name="Lượt người tham dự các cuộc tuyên truyền, vận động",
                unit="lượt người",
                roll_up=RollUp.SUM,
                counting=Counting.OCCURRENCES,
            ),
            Indicator(
                code="gifts.count",
                name="Suất quà vận động đóng góp hỗ trợ hộ nghèo, gia đình khó khăn vui"
                " xuân đón tết",
                unit="suất quà",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="gifts.value",
                name="Trị giá các suất quà vận động đóng góp hỗ trợ",
                unit="đồng",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="religious_sites.registered",
                name="Cơ sở tín ngưỡng tôn giáo đăng ký thực hiện tốt 6 tiêu chuẩn về “Cơ"
                " sở tín ngưỡng tôn giáo văn minh”",
                unit="cơ sở",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="religious_sites",
                name="Cơ sở tín ngưỡng tôn giáo",
                unit="cơ sở",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="religious_sites.registered.share",
                name="Cơ sở tín ngưỡng tôn giáo đăng ký thực hiện tốt 6 tiêu chuẩn về “Cơ"
                " sở tín ngưỡng tôn giáo văn minh”",
                unit="%",
                numerator="religious_sites.registered",
                denominator="religious_sites",
            ),
            Indicator(
                code="religious_establishments.registered",
                name="Cơ sở tôn giáo đăng ký thực hiện tốt 5 tiêu chuẩn về “Phát huy giá"
                " trị đạo đức tôn giáo vào thực tiễn xây dựng khu dân cư, ấp văn hóa”"
                " (đạt loại xuất sắc)",
                unit="cơ sở",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="religious_establishments",
                name="Cơ sở tôn giáo",
                unit="cơ sở",
                roll_up=RollUp.LAST,
                counting=Counting.DISTINCT,
            ),
            Indicator(
                code="religious_establishments.registered.share",
                name="Cơ sở tôn giáo đăng ký thực hiện tốt 5 tiêu chuẩn về “Phát huy giá"
                " trị đạo đức tôn giáo vào thực tiễn xây dựng khu dân cư, ấp văn hóa”"
                " (đạt loại xuất sắc)",
                unit="%",
                numerator="religious_establishments.registered",
                denominator="religious_establishments",
            ),
            Indicator(
                code="fund.vi_nguoi_ngheo",
                name="Quỹ “Vì người nghèo” vận động được",
                unit="đồng",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="houses.built",
                name="Nhà đại đoàn kết xây dựng cho hộ nghèo",
                unit="căn",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="houses.built.cost",
                name="Số tiền xây dựng nhà đại đoàn kết cho hộ nghèo",
                unit="đồng",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="houses.handed_over",
                name="Nhà đại đoàn kết đã bàn giao",
                unit="căn",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="houses.repaired",
                name="Nhà sửa chữa",
                unit="căn",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="houses.repaired.cost",
                name="Số tiền sửa chữa nhà",
                unit="đồng",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="dialogue.levels",
                name="Số cấp tổ chức đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính"
                " quyền với nhân dân",
                unit="cấp",
                roll_up=RollUp.MAX,
            ),
            Indicator(
                code="dialogue.opinions_resolved.share",
                name="Tỷ lệ ý kiến được giải quyết tại các buổi đối thoại",
                unit="%",
                roll_up=RollUp.LAST,
            ),
            Indicator(
                code="supervision.sessions",
                name="Cuộc giám sát của Ban Thanh tra nhân dân và Ban giám sát đầu tư cộng đồng",
                unit="cuộc",
                roll_up=RollUp.SUM,
            ),
            Indicator(
                code="supervision.recommendations",
                name="Nội dung kiến nghị đến các ngành chức năng sau giám sát (đã được trả"
                " lời, giải quyết)",
                unit="nội dung",
                roll_up=RollUp.SUM,
            ),
        ),
        observations=(
            # "được 897 cuộc với 9.278 lượt lượt người tham dự"
            Observation(indicator="propaganda.sessions", unit_id=town, period=year, actual=897),
            Observation(indicator="propaganda.attendance", unit_id=town, period=year, actual=9278),
            # "hỗ trợ 10.499 suất quà, trị giá 5.052.100.000đ"
            Observation(indicator="gifts.count", unit_id=town, period=year, actual=10499),
            Observation(indicator="gifts.value", unit_id=town, period=year, actual=5052100000),
            # "33/33 cơ sở tín ngưỡng tôn giáo đăng ký thực hiện tốt 6 tiêu chuẩn"
            Observation(
                indicator="religious_sites.registered", unit_id=town, period=year, actual=33
            ),
            Observation(indicator="religious_sites", unit_id=town, period=year, actual=33),
            # "15/15 cơ sở tôn giáo đăng ký thực hiện tốt 5 tiêu chuẩn"
            Observation(
                indicator="religious_establishments.registered",
                unit_id=town,
                period=year,
                actual=15,
            ),
            Observation(
                indicator="religious_establishments", unit_id=town, period=year, actual=15
            ),
            # "vận động quỹ “Vì người nghèo” được 1.798.702.098đ đạt 108,39% KH"
            Observation(
                indicator="fund.vi_nguoi_ngheo",
                unit_id=town,
                period=year,
                actual=1798702098,
                stated_attainment=Decimal("1.0839"),
            ),
            # "xây dựng 15 căn nhà đại đoàn kết cho hộ nghèo với số tiền 915 triệu đồng, đã
            # bàn giao 12 căn, sửa chữa 08 căn nhà với số tiền 218 triệu đồng"
            Observation(indicator="houses.built", unit_id=town, period=year, actual=15),
            Observation(
                indicator="houses.built.cost", unit_id=town, period=year, actual=915000000
            ),
            Observation(indicator="houses.handed_over", unit_id=town, period=year, actual=12),
            Observation(indicator="houses.repaired", unit_id=town, period=year, actual=8),
            Observation(
                indicator="houses.repaired.cost", unit_id=town, period=year, actual=218000000
            ),
            # "được thực hiện ở 02 cấp: cấp thị xã và xã, phường"
            Observation(indicator="dialogue.levels", unit_id=town, period=year, actual=2),
            # "có trên 90% số ý kiến được giải quyết tại các buổi đối thoại"
            Observation(
                indicator="dialogue.opinions_resolved.share",
                unit_id=town,
                period=year,
                actual=Decimal("0.90"),
                bound=Bound.MORE_THAN,
            ),
            # "tổ chức được 38 cuộc giám sát; … kiến nghị đến các ngành chức năng 08 nội dung"
            Observation(indicator="supervision.sessions", unit_id=town, period=year, actual=38),
            Observation(
                indicator="supervision.recommendations", unit_id=town, period=year, actual=8
            ),
        ),
    )


# --------------------------------------------------------------------------- output

#: The JSON file each dataset is written to, under ``examples/data/``.
DATASETS = {
    "hong_linh_2021.json": hong_linh_2021,
    "nam_dinh_2022.json": nam_dinh_2022,
    "hoa_thanh_2020.json": hoa_thanh_2020,
}


def dataset_json(dataset: Dataset) -> str:
    """The text of a dataset's JSON file: :func:`danvan.to_json` and a final newline."""
    return to_json(dataset) + "\n"


def main(out_dir: Path = DATA_DIR) -> None:
    """Write every dataset as JSON into *out_dir*, leaving up-to-date files alone."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, build in DATASETS.items():
        dataset = build()
        path = out_dir / name
        text = dataset_json(dataset)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            state = "up to date"
        else:
            path.write_text(text, encoding="utf-8")
            state = "written"
        print(
            f"{name}: {len(dataset.units)} units, {len(dataset.directives)} directives,"
            f" {len(dataset.campaigns)} campaigns, {len(dataset.observations)} figures"
            f" ({state})"
        )


if __name__ == "__main__":
    main()
