"""An analyst's pass over the three example datasets, as a plain script.

The same steps as the notebook ``analysis.ipynb`` beside it: load the datasets of
``data/`` with ``danvan.from_json``, show each unit tree, compute the shares and
attainments the reports state with danvan's indicator functions, turn the
observations into plain records (and a pandas DataFrame when pandas is installed),
and count "Dân vận khéo" models by field, holder and status with the change from the
year before. Figures are written the Vietnamese way: 1.798.702.098đ, 108,39%.

Run it with ``python examples/analysis.py``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from danvan import (
    Dataset,
    MobilizationModel,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    Period,
    describe_change,
    describe_model_statistics,
    describe_ratio,
    format_money,
    format_number,
    format_percent,
    from_json,
    model_statistics,
    year_over_year,
)
from danvan.errors import MissingDependencyError
from danvan.indicators import meets, rate
from danvan.records import (
    observation_records,
    statistics_records,
    to_dataframe,
)

DATA = Path(__file__).parent / "data"

#: Shares the reports state as "a/b": (dataset, part, whole, what is counted).
RATIOS = [
    ("hong_linh_2021", "plan.indicators_met", "plan.indicators", "chỉ tiêu"),
    (
        "hong_linh_2021",
        "products.rural_industry_recognised",
        "products.rural_industry_considered",
        "sản phẩm",
    ),
    ("hoa_thanh_2020", "religious_sites.registered", "religious_sites", "cơ sở"),
    ("hoa_thanh_2020", "houses.handed_over", "houses.built", "căn"),
    (
        "nam_dinh_2022",
        "party_committees.commune.mobilization_bloc_consolidated",
        "party_committees.commune",
        "đảng ủy",
    ),
    ("nam_dinh_2022", "models.built.collective", "models.built", "mô hình, điển hình"),
]


def load_datasets() -> dict[str, Dataset]:
    """The example datasets by file name (without ``.json``)."""
    return {
        path.stem: from_json(path.read_text("utf-8"), Dataset)
        for path in sorted(DATA.glob("*.json"))
    }


def value(data: Dataset, code: str) -> int:
    """The one whole-number figure of an indicator in a dataset."""
    (observation,) = data.observations_of(code)
    assert isinstance(observation.actual, int)
    return observation.actual


def show_tree(data: Dataset) -> None:
    """The units, indented under their parent (a notebook shows ``data.tree`` as a table)."""
    for unit in data.tree:
        indent = "  " * data.tree.depth(unit.id)
        print(f"  {indent}{unit.name} ({unit.kind.vietnamese}, cấp {unit.level.vietnamese})")


def show_figures(name: str, data: Dataset) -> None:
    """Money, shares and attainment of plan, as the report writes them."""
    for observation in data.observations:
        indicator = data.indicator(observation.indicator)
        if indicator.unit == "đồng":
            print(
                f"  {indicator.name}: {format_money(observation.actual, unit='đ')}"
                f" ({format_money(observation.actual, scale='auto')})"
            )
        elif indicator.unit == "%":
            print(f"  {indicator.name}: {format_percent(observation.actual)}")
        if observation.stated_attainment is not None:
            # The report states the attainment of plan only, not the plan.
            met = meets(observation.stated_attainment, 1)
            verdict = "đạt và vượt kế hoạch" if met else "chưa đạt kế hoạch"
            stated = format_percent(observation.stated_attainment)
            print(f"  {indicator.name}: {stated}, {verdict}")
        if observation.stated_change is not None:
            # The report states the relative change r only: the change from 1 to 1 + r.
            print(f"  {indicator.name}: {describe_change(1 + observation.stated_change, 1)}")
    for dataset, part_code, whole_code, unit in RATIOS:
        if dataset == name:
            part, whole = value(data, part_code), value(data, whole_code)
            share = format_percent(rate(part, whole))
            print(f"  {describe_ratio(part, whole, unit)}, tỷ lệ {share}")


def example_models() -> list[MobilizationModel]:
    """A few invented models (not figures of the reports, which name no single model)."""
    plan = [
        (ModelField.ECONOMY, ModelHolder.COLLECTIVE, 2020, 2020),
        (ModelField.NEW_RURAL_AREAS, ModelHolder.COLLECTIVE, 2020, 2021),
        (ModelField.POVERTY_REDUCTION, ModelHolder.INDIVIDUAL, 2020, 2021),
        (ModelField.DEFENCE_SECURITY, ModelHolder.COLLECTIVE, 2021, 2021),
        (ModelField.POLITICAL_SYSTEM, ModelHolder.INDIVIDUAL, 2021, None),
        (ModelField.ECONOMY, ModelHolder.INDIVIDUAL, 2019, 2020),
    ]
    models = []
    for number, (field, holder, registered, recognised) in enumerate(plan, start=1):
        model = MobilizationModel.register(
            id=f"vi-du-{number}",
            name=f"Mô hình ví dụ {number}",
            field=field,
            holder=holder,
            unit_id="hong-linh-bdv",
            level=ModelLevel.COMMUNE,
            date=date(registered, 3, 1),
        )
        if recognised is not None:
            model = model.record(ModelEventKind.RECOGNISED, date(recognised, 11, 15))
        models.append(model)
    return models


def main() -> None:
    datasets = load_datasets()
    for name, data in datasets.items():
        print(f"== {data.title}")
        print(f"Đơn vị ({format_number(len(data.tree))}):")
        show_tree(data)
        print("Số liệu:")
        show_figures(name, data)
        print()

    records = [record for data in datasets.values() for record in observation_records(data)]
    units = Counter(record["value_unit"] for record in records)
    common = ", ".join(f"{unit} {count}" for unit, count in units.most_common(3))
    print(f"{format_number(len(records))} bản ghi; đơn vị tính nhiều nhất: {common}")
    try:
        frame = to_dataframe(records)
    except MissingDependencyError as exc:
        print(f"(không có DataFrame: {exc})")
    else:
        money = frame[frame["value_unit"] == "đồng"].sort_values("actual", ascending=False)
        print("Ba khoản tiền lớn nhất (DataFrame, số chính xác):")
        for row in money.head(3).itertuples():
            print(f"  {format_money(row.actual, unit='đ')}: {row.indicator_name}")
    print()
    print("== Mô hình “Dân vận khéo” (ví dụ minh họa, không phải số liệu của báo cáo)")
    models = example_models()
    now, before = (
        model_statistics(models, Period.year(2021)),
        model_statistics(models, Period.year(2020)),
    )
    print(describe_model_statistics(now, previous=before))
    change = year_over_year(models, Period.year(2021))
    print(f"year_over_year (công nhận, so với năm 2020): {format_percent(change, decimals=0)}")
    for record in statistics_records(now, previous=before):
        if record["group"] == "holder":
            print(f"  {record['label']}: {record['count']} (năm 2020: {record['previous']})")


if __name__ == "__main__":
    main()
