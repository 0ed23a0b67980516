# ruff: noqa: E501  (source addresses and titles are kept whole)
"""Văn bản thật — passages of published Vietnamese texts, with their claims checked by hand.

Each passage keeps the figures, the markers ("trong đó", "bao gồm", ":"), the punctuation
and the order of its source exactly; the surrounding words are lightly restated (the
sources are third-party pages: we quote the figures and the shape, not the prose). A
``Claim`` is what a reader can check by hand in one paragraph: a total and its parts
(``total == sum(parts)``). ``refs`` are the document symbols a reader finds in the
passage. :func:`measure` holds the audit and the reference finder to this set.

Sources were found with a public-page search; each passage names its page. The set is
small (see docs/checking-a-report.md for its size against the issue's goal).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vn_skt.documents import find_document_refs
from vn_skt.reporting import FindingKind, audit_text


@dataclass(frozen=True)
class Claim:
    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    source: str
    title: str
    text: str
    claims: tuple[Claim, ...] = ()
    refs: tuple[str, ...] = ()
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


VIETNAMPLUS_2018 = (
    "https://www.vietnamplus.vn/tiep-nhan-gan-110000-don-so-huu-cong-nghiep-trong-nam-2018/596965.vnp",
    "Vietnam+: Tiếp nhận gần 110.000 đơn sở hữu công nghiệp trong năm 2018",
)
SGGP_2016 = (
    "https://dttc.sggp.org.vn/thanh-tra-1300-co-so-kinh-doanh-vang-trang-suc-post31587.html",
    "ĐTTC: Thanh tra 1.300 cơ sở kinh doanh vàng trang sức (2016)",
)

PASSAGES: tuple[Passage, ...] = (
    Passage(
        *VIETNAMPLUS_2018,
        "Trong năm 2018, Cục Sở hữu trí tuệ đã tiếp nhận 109.651 đơn sở hữu công nghiệp các "
        "loại (tăng 5,8% so với năm 2017), bao gồm: 64.894 đơn đăng ký xác lập quyền sở hữu "
        "công nghiệp; 44.757 đơn/yêu cầu khác (sửa đổi đơn, chuyển nhượng đơn, cấp lại văn "
        "bằng bảo hộ...).",
        claims=(Claim("109.651", ("64.894", "44.757")),),
    ),
    Passage(
        *VIETNAMPLUS_2018,
        "Cục đã xử lý 79.634 đơn các loại, trong đó có 42.867 đơn đăng ký xác lập quyền sở "
        "hữu công nghiệp (tăng 9,2% so với năm 2017). Số văn bằng bảo hộ được cấp là 28.966 "
        "(tăng 2,3% so với năm 2017).",
        note="one part of a total, and growth rates without the earlier figures: nothing to add up",
    ),
    Passage(
        "http://www.baolamdong.vn/toasoan-bandoc/202205/34-to-chuc-ca-nhan-duoc-cap-giay-chung-nhan-dang-ky-hoat-dong-khcn-3117421/",
        "Báo Lâm Đồng: 34 tổ chức, cá nhân được cấp Giấy chứng nhận đăng ký hoạt động KHCN (2022)",
        "Trên địa bàn tỉnh hiện có 34 tổ chức và cá nhân được cấp Giấy chứng nhận đăng ký hoạt "
        "động khoa học công nghệ (KHCN) bao gồm 17 tổ chức công lập, 4 tổ chức ngoài công lập, "
        "6 cơ sở giáo dục và 7 cá nhân. Qua đó, 34/34 tổ chức, cá nhân hoạt động theo đúng các "
        "lĩnh vực được cấp phép.",
        claims=(Claim("34", ("17", "4", "6", "7")),),
    ),
    Passage(
        *SGGP_2016,
        "Đến đầu tháng 9 đã có 43 tỉnh, thành phố triển khai với tổng số cơ sở thanh tra là "
        "1.286 cơ sở. Qua đó phát hiện 381 cơ sở vi phạm, xử phạt 286 cơ sở với tổng số tiền "
        "phạt 2,165 tỷ đồng.",
    ),
    Passage(
        *SGGP_2016,
        "Tổng số lượt hành vi vi phạm: 517; trong đó chủ yếu là vi phạm nhãn hàng hóa không "
        "đạt - 305, sử dụng phương tiện đo không đạt yêu cầu 78, khối lượng hàng hóa không "
        "đạt 10, không công bố tiêu chuẩn áp dụng 73, hàng hóa không đạt chất lượng 13...",
        note="'chủ yếu' and '...': only the main parts are listed (they sum to 479, not 517)",
    ),
    Passage(
        "https://www.vietnam.vn/fr/nang-cao-hieu-qua-tinh-thiet-thuc-cua-cac-de-tai-de-an-du-an-khcn-su-dung-kinh-phi-tu-ngan-sach-nha-nuoc",
        "Vietnam.vn: Nâng cao hiệu quả, tính thiết thực của các đề tài, đề án, dự án KH&CN sử "
        "dụng kinh phí từ ngân sách nhà nước (trả lời chất vấn HĐND tỉnh, 2020-2023)",
        "Giai đoạn 2020-2023, trên cơ sở 531 đề xuất nhiệm vụ KH&CN của các tổ chức, doanh "
        "nghiệp trong và ngoài tỉnh, Sở đã tham mưu phê duyệt danh mục 179 nhiệm vụ KH&CN "
        "triển khai trên địa bàn tỉnh, trong đó 123 nhiệm vụ giao trực tiếp và 56 nhiệm vụ "
        "thực hiện theo phương thức tuyển chọn.",
        claims=(Claim("179", ("123", "56")),),
        note="restated in Vietnamese from the page's translation; figures as published",
    ),
    Passage(
        "https://www.vietnam.vn/en/chinh-quyen-hai-cap-tai-khanh-hoa-day-manh-phat-trien-khoa-hoc-cong-nghe-chuyen-doi-so",
        "Vietnam.vn: Chính quyền hai cấp tại Khánh Hòa đẩy mạnh phát triển KH&CN, chuyển đổi số (2025)",
        "Từ ngày 01/7/2025, UBND tỉnh ủy quyền giải quyết 51 thủ tục hành chính thuộc các lĩnh "
        "vực: Sở hữu trí tuệ (19), An toàn bức xạ hạt nhân (03), Hoạt động khoa học và công "
        "nghệ (14) và Tiêu chuẩn đo lường chất lượng (15).",
        claims=(Claim("51", ("19", "03", "14", "15")),),
        refs=(),
        note="parts in parentheses after each group's name: a shape the audit does not read yet",
    ),
    Passage(
        "https://htr.vn/ket-qua-do-luong-dong-ho-nuoc-tai-khanh-hoa.html",
        "HTR: Kết quả đo lường đồng hồ nước tại Khánh Hòa",
        "Qua kết quả thanh tra 99.505 đồng hồ nước đang sử dụng đã phát hiện 404 đồng hồ quá "
        "hạn kiểm định. Kiểm tra ngẫu nhiên 64 đồng hồ nước, phát hiện 34 đồng hồ không đạt "
        "yêu cầu về đo lường.",
    ),
    Passage(
        "https://text.123docz.net/document/3027273-hoan-thien-va-thuc-thi-chien-luoc-phat-trien-khoa-hoc-va-cong-nghe-tinh-phu-tho.htm",
        "Luận văn ThS: Hoàn thiện và thực thi chiến lược phát triển KH&CN tỉnh Phú Thọ (2014)",
        "Phú Thọ có tổng diện tích tự nhiên 353.274,76 ha, chiếm 1,2% diện tích cả nước và "
        "chiếm 5,4% diện tích vùng miền núi phía Bắc; dân số có 1.336,6 nghìn người, tỷ lệ lao "
        "động qua đào tạo đến 2010 đạt 40%, trong đó qua đào tạo nghề đạt 26%.",
        note="percentages of bases the text does not give: not checked",
    ),
    Passage(
        "https://nld.com.vn/kinh-te/binh-dinh-phat-hanh-chinh-3-doanh-nghiep-ban-vang-trang-suc-20230523162612863.htm",
        "Người Lao Động: Bình Định phạt hành chính 3 doanh nghiệp bán vàng trang sức (2023)",
        "Kiểm tra tại 63 cơ sở sản xuất, kinh doanh vàng trang sức, phát hiện 8 doanh nghiệp "
        "vi phạm về nhãn hàng hóa và 3 doanh nghiệp vi phạm về đo lường. Lấy 4 mẫu kiểm tra "
        "chất lượng, phát hiện 3 mẫu không phù hợp tiêu chuẩn công bố, tổng số tiền phạt hơn "
        "8,2 triệu đồng.",
    ),
    Passage(
        "https://vcn.org.vn/khoa-hoc-cong-nghe/hoi-dong-khoa-hoc-cong-nghe-xac-dinh-danh-muc-nhiem-vu-khoa-hoc-cong-nghe-nam-2022",
        "Viện Chăn nuôi: Hội đồng xác định danh mục nhiệm vụ KHCN năm 2022",
        "Hội đồng xác định danh mục nhiệm vụ khoa học công nghệ năm 2022 gồm: Danh mục tổng "
        "hợp đề xuất nhiệm vụ KHCN cấp quốc gia: 7 đề xuất; Danh mục đề xuất đặt hàng đề tài, "
        "dự án cấp Bộ: 21 đề xuất.",
        note="parts with no stated total",
    ),
    Passage(
        "http://skhcn.dongnai.gov.vn/Pages/noi-dung-tin.aspx?CoLookup=1&NewsID=3281&TopicID=9",
        "Sở KH&CN Đồng Nai: họp hội đồng xác định nhiệm vụ (2022)",
        "Có 8 đề tài/dự án được đề xuất để hội đồng xem xét; các thành viên Hội đồng thống nhất "
        "lựa chọn 5 đề tài/dự án trên tổng số 8 đề tài/dự án để đưa vào danh mục năm 2022.",
    ),
    Passage(
        "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-40-2024-QD-UBND-Quy-che-xet-tang-Giai-thuong-khoa-hoc-cong-nghe-Dong-Nai-625689.aspx",
        "Quyết định 40/2024/QĐ-UBND tỉnh Đồng Nai (Quy chế xét tặng Giải thưởng KH&CN)",
        "Số: 40/2024/QĐ-UBND. Căn cứ Nghị định số 18/2024/NĐ-CP ngày 21 tháng 02 năm 2024 của "
        "Chính phủ; Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số "
        "89/TTr-SKHCN ngày 13 tháng 8 năm 2024.",
        refs=("40/2024/QĐ-UBND", "18/2024/NĐ-CP", "89/TTr-SKHCN"),
    ),
    Passage(
        "https://thuviennhadat.vn/vbpl/quyet-dinh-35-2016-qd-ubnd-quy-dinh-quan-ly-chuyen-giao-cong-nghe-nam-dinh-328310.html",
        "Quyết định 35/2016/QĐ-UBND tỉnh Nam Định (quản lý công nghệ và chuyển giao công nghệ)",
        "Số: 35/2016/QĐ-UBND. Căn cứ Luật đầu tư công số 49/2014/QH13 ngày 18/6/2014; Căn cứ "
        "Nghị định số 08/2014/NĐ-CP ngày 27/01/2014; Căn cứ Nghị định số 133/2008/NĐ-CP ngày "
        "31/12/2008 và Nghị định số 103/2011/NĐ-CP ngày 15/11/2011, Nghị định số "
        "120/2014/NĐ-CP ngày 17/12/2014; Căn cứ Thông tư số 03/2016/TT-BKHCN ngày 30/03/2016.",
        refs=(
            "35/2016/QĐ-UBND",
            "49/2014/QH13",
            "08/2014/NĐ-CP",
            "133/2008/NĐ-CP",
            "103/2011/NĐ-CP",
            "120/2014/NĐ-CP",
            "03/2016/TT-BKHCN",
        ),
    ),
    Passage(
        "https://tailieumienphi.vn/doc/so-khoa-hoc-va-cong-nghe-gia-lai-cai-cach-hanh-chinh-trong-kien-tao-thuc-hien-ca-m03euq.html",
        "Khoa học quản lý số 05/2018: Sở KH&CN Gia Lai cải cách hành chính",
        "Theo Quyết định số 04/QĐ-UBND ngày 04/01/2012 của UBND tỉnh; Công văn số "
        "734/SKHCN-CCTĐC ngày 15/8/2018; Quyết định số 658/QĐ-UBND ngày 24/8/2017 của UBND tỉnh.",
        refs=("04/QĐ-UBND", "734/SKHCN-CCTĐC", "658/QĐ-UBND"),
    ),
    Passage(
        "https://skhcn.bacgiang.gov.vn/chi-tiet-tin-tuc/-/asset_publisher/4roH7oNwBEIm/content/kiem-inh-taximet-tren-ia-ban-tinh-bac-giang",
        "Sở KH&CN Bắc Giang: Kiểm định Taximet trên địa bàn tỉnh",
        "Trung tâm đã kiểm định Taximet định kỳ cho 70 chiếc Taxi. Taximet là phương tiện đo "
        "phải kiểm định theo Quyết định số 13/2007/QĐ-BKHCN ngày 6/7/2007 của Bộ trưởng Bộ "
        "Khoa học và Công nghệ; Nghị định số 86/2014/NĐ-CP ngày 10/9/2014 quy định về kinh "
        "doanh vận tải bằng xe taxi.",
        refs=("13/2007/QĐ-BKHCN", "86/2014/NĐ-CP"),
    ),
    Passage(
        "https://hoatieu.vn/phap-luat/thong-tu-01-2023-tt-bkhcn-dinh-muc-ktkt-tham-dinh-cap-gcn-ung-dung-cong-nghe-cao-220728",
        "Thông tư 01/2023/TT-BKHCN (định mức thẩm định cấp GCN ứng dụng công nghệ cao)",
        "Số: 01/2023/TT-BKHCN. Căn cứ Nghị định số 95/2017/NĐ-CP ngày 16 tháng 8 năm 2017 của "
        "Chính phủ; Căn cứ Nghị định số 60/2021/NĐ-CP ngày 21 tháng 6 năm 2021 của Chính phủ.",
        refs=("01/2023/TT-BKHCN", "95/2017/NĐ-CP", "60/2021/NĐ-CP"),
    ),
    Passage(
        "issue #17 (text quoted in the issue, from a provincial S&T report)",
        "Issue #17: symbols with a slash and from before 2000",
        "Căn cứ Thông tư liên tịch số 129/2007/TTLT/BTC-BKHCN ngày 02/11/2007; Quyết định số "
        "216-CP ngày 01/6/1993; Quyết định số 12/QĐ-UBNDngày 05/01/2024.",
        refs=("129/2007/TTLT/BTC-BKHCN", "216-CP", "12/QĐ-UBND"),
    ),
)


@dataclass
class Figures:
    passages: int = 0
    documents: int = 0
    claims: int = 0
    checked: int = 0
    false_alarms: int = 0
    changes: int = 0
    caught: int = 0
    refs_expected: int = 0
    refs_found: int = 0
    refs_right: int = 0

    @property
    def refs_f1(self) -> float:
        if not self.refs_found or not self.refs_expected:
            return 0.0
        precision = self.refs_right / self.refs_found
        recall = self.refs_right / self.refs_expected
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _totals(text: str) -> list[tuple[bool | None, str]]:
    out = []
    for f in audit_text(text):
        if f.kind in (FindingKind.TOTAL, FindingKind.RATIO, FindingKind.SHARE):
            out.append((f.ok, text[f.span[0] : f.span[1]]))
    return out


def _bumped(figure: str) -> str:
    digits = figure.replace(".", "")
    return (
        f"{int(digits) + 1:,}".replace(",", ".")
        if len(digits) > 3
        else f"{int(digits) + 1:0{len(figure)}d}"
    )


def measure(passages: tuple[Passage, ...] = PASSAGES) -> Figures:
    """Checked share, false alarms, caught single changes and reference F1 on the set."""
    fig = Figures(passages=len(passages), documents=len({p.source for p in passages}))
    for p in passages:
        findings = _totals(p.text)
        fig.false_alarms += sum(ok is False for ok, _ in findings)
        for claim in p.claims:
            fig.claims += 1
            if any(ok is True and claim.total in span for ok, span in findings):
                fig.checked += 1
            for figure in (claim.total, *claim.parts):
                fig.changes += 1
                changed = p.text.replace(figure, _bumped(figure), 1)
                if any(ok is False for ok, _ in _totals(changed)):
                    fig.caught += 1
        found = [r.symbol for r in find_document_refs(p.text)]
        fig.refs_expected += len(p.refs)
        fig.refs_found += len(found)
        fig.refs_right += len(set(found) & set(p.refs))
    return fig
