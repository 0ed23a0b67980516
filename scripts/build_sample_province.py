"""Build the embedded sample data set of the fictional province (vn_skt/data).

Run: python scripts/build_sample_province.py  (deterministic: a fixed seed)

The province, its people, organisations and figures are invented for demonstration;
any likeness to a real province is accidental.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from vn_skt.councils import Council, Meeting, Member
from vn_skt.ip_titles import ProtectionTitle
from vn_skt.metrology import Instrument, Verification, catalogue
from vn_skt.reporting import AnnualData, Plan
from vn_skt.tasks import ResearchField, Task

OUT = Path(__file__).resolve().parents[1] / "src/vn_skt/data/sample_province.json"
rng = random.Random(2025)
F = ResearchField

TOPICS = {
    F.AGRICULTURAL_SCIENCES: [
        "Tuyển chọn giống bưởi Minh Sơn chịu hạn",
        "Nuôi tôm tuần hoàn ứng dụng IoT",
        "Chuỗi giá trị chè an toàn gắn chỉ dẫn địa lý",
        "Phục tráng giống lúa nếp cái hoa vàng",
        "Chế phẩm vi sinh xử lý phụ phẩm cà phê",
        "Mô hình trồng sâm dưới tán rừng",
    ],
    F.MEDICAL_AND_PHARMACEUTICAL: [
        "Sàng lọc ung thư cổ tử cung tại cộng đồng",
        "Ứng dụng AI đọc phim X-quang phổi",
        "Bảo tồn cây thuốc của đồng bào Dao",
        "Điều trị đột quỵ não tại tuyến tỉnh",
    ],
    F.ENGINEERING_AND_TECHNOLOGY: [
        "Giám sát chất lượng nước tự động",
        "Nền tảng số quản lý nhiệm vụ KH&CN",
        "Điện mặt trời áp mái cho trường học",
        "Cảnh báo sạt lở đất thời gian thực",
    ],
    F.SOCIAL_SCIENCES: ["Chính sách thu hút nhân lực KH&CN", "Phát triển hợp tác xã kiểu mới"],
    F.HUMANITIES: ["Bảo tồn lễ hội Lồng Tồng", "Số hóa di sản Hán Nôm của tỉnh"],
    F.NATURAL_SCIENCES: ["Đa dạng sinh học Khu bảo tồn Núi Mây"],
}
PEOPLE = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoàng Cường",
    "Phạm Thu Hà",
    "Hoàng Minh Đức",
    "Vũ Thị Lan",
    "Đỗ Quang Huy",
    "Bùi Thị Hương",
    "Ngô Đức Anh",
    "Đặng Văn Ơn",
    "Lý Thị Ánh",
    "Mai Xuân Dũng",
    "Hồ Văn Đông",
    "Trịnh Thị Thu",
    "Phan Văn Tú",
]
ORGS = [
    "Viện Nông nghiệp Minh Sơn",
    "Trường Đại học Minh Sơn",
    "Bệnh viện Đa khoa tỉnh",
    "Trung tâm Ứng dụng tiến bộ KH&CN",
    "Hợp tác xã Chè Núi Mây",
    "Sở Nông nghiệp và Môi trường",
]


def month_end(y: int, m: int) -> date:
    return (date(y + m // 12, m % 12 + 1, 1)) - timedelta(days=1)


def tasks() -> list[Task]:
    out: list[Task] = []
    n = 0
    for field, titles in TOPICS.items():
        for title in titles:
            n += 1
            year = rng.choice([2022, 2023, 2024, 2024, 2025, 2025, 2025])
            month = rng.choice([1, 1, 3, 4, 6, 7, 9, 12])
            months = rng.choice([12, 18, 24, 24, 30, 36])
            end = month_end(year, month - 1 + months)
            extended = end + timedelta(days=rng.choice([90, 181])) if rng.random() < 0.15 else None
            planned_end = extended or end
            years = list(range(year, planned_end.year + 1))
            budget = {y: rng.randrange(10, 90) * 10_000_000 for y in years}
            status, accepted_on, rating, terminated = "Đang thực hiện", None, None, None
            if planned_end < date(2025, 12, 31) and rng.random() < 0.8:
                status, accepted_on = (
                    "Đã nghiệm thu",
                    min(planned_end + timedelta(days=rng.randrange(30, 150)), date(2025, 12, 20)),
                )
                rating = rng.choice(["Đạt", "Đạt", "Xuất sắc"])
            if n == 7:  # one task stopped half-way
                stop = date(year, month, 1) + timedelta(days=200)
                status, terminated, accepted_on, rating = "Dừng thực hiện", stop, None, None
            code = f"{field.name[:2]}.{n:02d}/{str(year)[2:]}"
            out.append(
                Task(
                    code=code,
                    title=title,
                    type=rng.choice(
                        ["Đề tài", "Đề tài", "Dự án sản xuất thử nghiệm", "Dự án KH&CN"]
                    ),
                    level="Cấp tỉnh",
                    field=field,
                    principal_investigator=rng.choice(PEOPLE),
                    host_organization=rng.choice(ORGS),
                    start=date(year, month, 1),
                    end=end,
                    extended_to=extended,
                    selection=rng.choice(["Tuyển chọn", "Giao trực tiếp"]),
                    funding={
                        "state_budget": budget,
                        "counterpart": rng.randrange(0, 5) * 50_000_000,
                    },
                    status=status,
                    accepted_on=accepted_on,
                    acceptance_rating=rating,
                    terminated_on=terminated,
                    approved_by=(
                        f"Quyết định số {rng.randrange(10, 400)}/QĐ-UBND ngày "
                        f"{date(year - 1, 12, rng.randrange(1, 28)).strftime('%d/%m/%Y')}"
                    ),
                )
            )
    return out


def council(kind: str, subject: str, task: Task | None, size: int) -> Council:
    names = rng.sample(PEOPLE, size + 2)
    names = [p for p in names if task is None or p != task.principal_investigator][:size]
    roles = [
        "Chủ tịch",
        "Phó Chủ tịch",
        "Ủy viên phản biện",
        "Ủy viên phản biện",
        "Ủy viên thư ký khoa học",
    ]
    roles += ["Ủy viên"] * (size - len(roles))
    members = [
        Member(
            name=n,
            role=r,
            academic_title=rng.choice(["GS.TS", "PGS.TS", "TS", "ThS"]),
            organization="Đại học Quốc gia",
        )
        for n, r in zip(names, roles, strict=True)
    ]
    return Council(
        kind=kind,
        members=members,
        subject=subject,
        task=task,
        established_by=f"Quyết định số {rng.randrange(400, 900)}/QĐ-SKHCN",
    )


def meetings(all_tasks: list[Task]) -> list[Meeting]:
    out = []
    accepted = [t for t in all_tasks if t.accepted_on and t.accepted_on.year == 2025][:3]
    for t in accepted:
        c = council("Đánh giá nghiệm thu", t.title, t, 9)
        present = [m.name for m in c.members][:8]
        rating = t.acceptance_rating.label if t.acceptance_rating else "Đạt"
        votes = {n: (rating if i < 7 else "Đạt") for i, n in enumerate(present)}
        out.append(
            Meeting(council=c, present=tuple(present), votes=votes, minutes_date=t.accepted_on)
        )
    c = council("Tuyển chọn, giao trực tiếp", "Phát triển thương hiệu gạo Minh Sơn", None, 7)
    present = [m.name for m in c.members]
    ballots = {
        n: {
            "Nội dung và phương án triển khai": rng.randrange(33, 40),
            "Năng lực tổ chức chủ trì": rng.randrange(18, 25),
            "Sản phẩm và hiệu quả": rng.randrange(14, 20),
        }
        for n in present
    }
    ballots[present[-1]] = {
        "Nội dung và phương án triển khai": 20,
        "Năng lực tổ chức chủ trì": 10,
        "Sản phẩm và hiệu quả": 8,
    }
    out.append(
        Meeting(council=c, present=tuple(present), ballots=ballots, minutes_date=date(2025, 3, 18))
    )
    return out


def titles() -> list[ProtectionTitle]:
    t = [
        (
            "Chỉ dẫn địa lý",
            date(2023, 5, 10),
            date(2025, 4, 22),
            "UBND tỉnh Minh Sơn",
            "Chè Núi Mây",
            0,
        ),
        (
            "Nhãn hiệu",
            date(2016, 4, 30),
            date(2017, 8, 14),
            "Hội Nông dân tỉnh",
            "Bưởi Minh Sơn",
            0,
        ),
        (
            "Nhãn hiệu",
            date(2024, 2, 29),
            date(2025, 7, 1),
            "Hợp tác xã Chè Núi Mây",
            "Trà xanh Núi Mây",
            0,
        ),
        (
            "Nhãn hiệu",
            date(2023, 9, 12),
            date(2025, 1, 15),
            "Công ty TNHH Gạo Minh Sơn",
            "Gạo thơm Minh Sơn",
            0,
        ),
        (
            "Sáng chế",
            date(2021, 6, 3),
            date(2025, 10, 9),
            "Viện Nông nghiệp Minh Sơn",
            "Chế phẩm vi sinh xử lý vỏ cà phê",
            0,
        ),
        (
            "Giải pháp hữu ích",
            date(2022, 11, 18),
            date(2025, 2, 27),
            "Trường Đại học Minh Sơn",
            "Thiết bị sấy chè năng lượng mặt trời",
            0,
        ),
        (
            "Kiểu dáng công nghiệp",
            date(2021, 8, 5),
            date(2022, 3, 3),
            "Công ty CP Gốm Minh Sơn",
            "Bình gốm men lam",
            0,
        ),
        (
            "Nhãn hiệu",
            date(2024, 3, 4),
            None,
            "Hợp tác xã Mật ong Bạc Hà",
            "Mật ong Bạc Hà Minh Sơn",
            0,
        ),
    ]
    out = []
    for i, (kind, filed, granted, owner, subject, renewals) in enumerate(t):
        digit = {"Sáng chế": 1, "Giải pháp hữu ích": 2, "Kiểu dáng công nghiệp": 3}.get(kind, 4)
        out.append(
            ProtectionTitle(
                type=kind,
                filing_date=filed,
                grant_date=granted,
                owner=owner,
                subject=subject,
                renewals=renewals,
                application_number=f"{digit}-{filed.year}-{1000 + 37 * i:05d}",
            )
        )
    return out


def instruments() -> list[Instrument]:
    fields = {
        "khối lượng": 0.45,
        "điện – điện từ": 0.35,
        "dung tích – lưu lượng": 0.15,
        "áp suất": 0.05,
    }
    # every verification below falls between 15/10/2024 and 28/12/2025: under the list in
    # force from 15/10/2024 (a type must be on the list on its verification's date)
    by_field: dict[str, list[str]] = {}
    for t in catalogue(on=date(2024, 10, 15)):
        if t.cycle_months and t.field in fields:
            by_field.setdefault(t.field, []).append(t.full_name)
    out = []
    for i in range(700):
        field = rng.choices(list(fields), weights=list(fields.values()))[0]
        kind = rng.choice(by_field[field])
        serial = f"MS-{i:05d}"
        history = []
        day = date(2024, 10, 15) + timedelta(days=rng.randrange(0, 440))
        history.append(
            Verification(
                verified_on=day,
                passed=rng.random() > 0.025,
                serial=serial,
                instrument_type=kind,
                organization="Trung tâm Kỹ thuật TĐC Minh Sơn",
                certificate_number=f"GCN-{day.year}-{i:05d}",
            )
        )
        out.append(
            Instrument(
                serial=serial,
                type=kind,
                owner=rng.choice(
                    [
                        "Điện lực Minh Sơn",
                        "Công ty Cấp nước",
                        "Chợ trung tâm",
                        "Cửa hàng xăng dầu số 5",
                    ]
                ),
                verifications=history,
            )
        )
    return out


NEW_REGIME = [
    # (title, field, selection, approved, start, months, budget by year in million đồng)
    ("Truy xuất nguồn gốc chè Núi Mây bằng mã QR", F.AGRICULTURAL_SCIENCES, "Đặt hàng",
     date(2025, 10, 15), date(2025, 11, 1), 24, {2025: 150, 2026: 600, 2027: 250}),
    ("Bản đồ số nguy cơ sạt lở đất cấp xã", F.ENGINEERING_AND_TECHNOLOGY, "Xét tài trợ",
     date(2025, 10, 28), date(2025, 11, 1), 18, {2025: 200, 2026: 700}),
    ("Mô hình y tế từ xa cho trạm y tế vùng cao", F.MEDICAL_AND_PHARMACEUTICAL, "Đặt hàng",
     date(2025, 11, 20), date(2025, 12, 1), 24, {2025: 100, 2026: 500, 2027: 300}),
]  # fmt: skip
"""Tasks approved from 01/10/2025: funded by "xét tài trợ, đặt hàng" (Law 93/2025/QH15)."""


def new_regime_tasks(life: random.Random) -> list[Task]:
    out = []
    for i, (title, field, selection, approved, start, months, budget) in enumerate(NEW_REGIME):
        out.append(
            Task(
                code=f"{field.name[:2]}.{30 + i:02d}/25",
                title=title,
                type="Đề tài",
                level="Cấp tỉnh",
                field=field,
                principal_investigator=life.choice(PEOPLE),
                host_organization=life.choice(ORGS),
                start=start,
                end=month_end(start.year, start.month - 2 + months),
                selection=selection,
                funding={"state_budget": {y: m * 1_000_000 for y, m in budget.items()}},
                approved_by=(
                    f"Quyết định số {life.randrange(400, 900)}/QĐ-UBND ngày "
                    f"{approved.strftime('%d/%m/%Y')}"
                ),
            )
        )
    return out


def with_life(task: Task, life: random.Random) -> Task:
    """The task's dated records in 2025: a periodic check, the instalments released, the
    amounts spent; an extension or a termination as the dated decision it was."""
    data = task.model_dump()
    year_end = date(2025, 12, 31)
    events = []
    if task.extended_to is not None:
        decided = task.end - timedelta(days=30)
        events.append(
            {"on": max(decided, task.start), "kind": "Gia hạn", "new_end": task.extended_to}
        )
    if task.terminated_on is not None:
        events.append({"on": task.terminated_on, "kind": "Chấm dứt", "note": "Dừng thực hiện"})
    data["events"] = events
    allocation = task.funding.for_year(2025)
    running = task.start <= year_end and task.effective_end >= date(2025, 1, 1)
    if allocation and running and task.accepted_on is None and task.terminated_on is None:
        first = max(task.start, date(2025, 3, 15))
        share = life.choice([6, 7, 10])
        releases = [{"on": first, "year": 2025, "instalment": 1,
                     "amount": allocation * share // 10}]  # fmt: skip
        if share < 10 and first < date(2025, 8, 1):
            releases.append({"on": date(2025, 8, 20), "year": 2025, "instalment": 2,
                             "amount": allocation * 3 // 10})  # fmt: skip
        data["releases"] = releases
        spent_on = max(first, date(2025, 11, 30))
        data["spending"] = [{"on": spent_on, "year": 2025,
                             "amount": allocation * life.randrange(40, 90) // 100}]  # fmt: skip
        checked = max(task.start + timedelta(days=60), date(2025, 9, 15))
        if checked <= year_end:
            data["checks"] = [{"on": checked, "done": life.randrange(25, 75),
                               "findings": "Kiểm tra định kỳ năm 2025"}]  # fmt: skip
    return Task.model_validate(data)


def funding_reviews(new_tasks: list[Task], life: random.Random) -> list[Meeting]:
    """A funding-review council (hội đồng xét tài trợ, đặt hàng) for each task of the 2025
    law, meeting a week before the approving decision, under the default rules (U)."""
    roles = ["Chủ tịch", "Phó Chủ tịch", "Chuyên gia phản biện", "Chuyên gia phản biện",
             "Thư ký khoa học", "Ủy viên", "Ủy viên"]  # fmt: skip
    out = []
    for task in new_tasks:
        names = [p for p in life.sample(PEOPLE, 9) if p != task.principal_investigator][:7]
        members = [
            Member(name=n, role=r, academic_title=life.choice(["PGS.TS", "TS"]),
                   organization="Đại học Quốc gia")
            for n, r in zip(names, roles, strict=True)
        ]  # fmt: skip
        council = Council(
            kind="Xét tài trợ, đặt hàng", members=members, subject=task.title, task=task,
            established_by=f"Quyết định số {life.randrange(400, 900)}/QĐ-SKHCN",
        )  # fmt: skip
        assert task.approved_on is not None
        present = tuple(names[: 6 + life.randrange(0, 2)])
        out.append(
            Meeting(council=council, present=present,
                    minutes_date=task.approved_on - timedelta(days=7))
        )  # fmt: skip
    return out


def main() -> None:
    all_tasks = tasks()
    data = AnnualData(
        province="Tỉnh Minh Sơn",
        fictional=True,
        field_groups={
            F.AGRICULTURAL_SCIENCES: "nông nghiệp và phát triển nông thôn",
            F.MEDICAL_AND_PHARMACEUTICAL: "y tế, môi trường, công nghệ thông tin",
            F.ENGINEERING_AND_TECHNOLOGY: "y tế, môi trường, công nghệ thông tin",
            F.NATURAL_SCIENCES: "khoa học tự nhiên",
            F.SOCIAL_SCIENCES: "khoa học xã hội và nhân văn",
            F.HUMANITIES: "khoa học xã hội và nhân văn",
        },
        tasks=(),
        meetings=tuple(meetings(all_tasks)),
        titles=tuple(titles()),
        instruments=tuple(instruments()),
        plans={
            2025: Plan(
                new_tasks=8,
                titles_granted=6,
                verifications_by_field={
                    "khối lượng": 320,
                    "điện – điện từ": 260,
                    "dung tích – lưu lượng": 100,
                },
            )
        },
    )
    # the 2025 law's tasks and every task's life come from a second seed, so the figures
    # drawn from the first one stay as they were
    life = random.Random(15)
    new = new_regime_tasks(life)
    lived = [with_life(t, life) for t in [*all_tasks, *new]]
    reviews = funding_reviews(new, life)
    data = data.model_copy(update={"tasks": tuple(lived), "meetings": (*data.meetings, *reviews)})
    data = AnnualData.model_validate_json(data.model_dump_json())
    OUT.write_text(data.model_dump_json() + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
