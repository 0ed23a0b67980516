# ruff: noqa: E501  (source addresses and titles are kept whole)
"""Văn bản thật — passages of published Vietnamese texts, with their claims checked by hand.

Each passage keeps the figures, the markers ("trong đó", "bao gồm", ":"), the punctuation
and the order of its source exactly; the surrounding words are lightly restated (the
sources are third-party pages: we quote the figures and the shape, not the prose). A
``Claim`` is what a reader can check by hand in one paragraph: a total and its parts
(``total == sum(parts)``). ``refs`` are the document symbols a reader finds in the
passage. :func:`measure` holds the audit and the reference finder to this set.

Sources were found with a public-page search; each passage names its page (``source``,
``title``). ``refs`` lists each symbol as often as the passage writes it. A passage whose
published text has a slip of its own is marked ``consistent=False``: its claims must be
reported, and it does not count towards false alarms. ``ALL_PASSAGES`` is the whole set
(43 passages from 37 documents; see docs/checking-a-report.md for the figures).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from vn_skt.documents import find_document_refs
from vn_skt.reporting import FindingKind, audit_text


@dataclass(frozen=True)
class Claim:
    """A hand-checked claim: ``total`` is made of ``parts`` (``kind`` "total"; "passed":
    the passed and the rejected count; "remainder": the last part is what is left);
    "share"/"ratio": ``parts[0]`` of ``total`` is ``percent`` per cent."""

    total: str
    parts: tuple[str, ...]
    kind: str = "total"
    percent: str = ""


@dataclass(frozen=True)
class Passage:
    source: str
    title: str
    text: str
    claims: tuple[Claim, ...] = ()
    refs: tuple[str, ...] = ()
    note: str = ""
    consistent: bool = True
    """False when the published text itself has a slip (its claims must be reported)."""
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

HAIDUONG_2024 = (
    "https://haiduongdost.gov.vn/ban-tin-kh-cn/ban-tin-khcn-so-02-2024/chang-ta-do-luang-ham-nay-cho-ngay-mai-ban-vang-14606.html",
    "Sở KH&CN Hải Dương, Bản tin KH&CN số 02/2024: hoạt động tiêu chuẩn, đo lường, chất lượng",
)
HAIDUONG_2022 = (
    "https://haiduongdost.gov.vn/ban-tin-kh-cn/tin-kt-khcn-mt-sa-6-2022/ca-18-nhiam-va-duac-thang-qua-thac-hian-nam-2023-13754.html",
    "Sở KH&CN Hải Dương, Bản tin KH&CN số 6/2022: Có 18 nhiệm vụ được thông qua thực hiện năm 2023",
)
HAUGIANG_2024 = (
    "https://baohaugiang.com.vn/khoa-hoc-cong-nghe/se-trien-khai-9-de-tai-du-an-thuoc-linh-vuc-khoa-hoc-nong-nghiep-ky-thuat-va-cong-nghe-135216.html",
    "Báo Hậu Giang: Sẽ triển khai 9 đề tài, dự án thuộc lĩnh vực khoa học nông nghiệp, kỹ thuật và công nghệ (2024)",
)

MORE_PASSAGES: tuple[Passage, ...] = (
    Passage(
        *HAIDUONG_2024,
        "Trong năm qua, Sở KH&CN đã tiếp nhận và giải quyết 483 hồ sơ của các tổ chức, doanh "
        "nghiệp. Tiến hành kiểm tra trực tiếp tại 54 cơ quan hành chính nhà nước 24 UBND cấp "
        "xã; 12 các sở, ngành; 6 chi cục và 12 UBND cấp huyện về việc duy trì, cải tiến hệ "
        "thống quản lý chất lượng.",
        claims=(Claim("54", ("24", "12", "6", "12")),),
        note="as published: no colon after the total's noun; parts separated by ';' and 'và'",
    ),
    Passage(
        *HAIDUONG_2024,
        "Đã thanh tra, kiểm tra 23 mẫu hàng hóa về chất lượng. Kết quả 21/23 mẫu đạt chất "
        "lượng, 2 mẫu phân bón không đạt chất lượng.",
        claims=(Claim("23", ("21", "2"), kind="passed"),),
        note="total = passed + rejected, the passed count written as a ratio of the total",
    ),
    Passage(
        *HAIDUONG_2024,
        "Tiến hành 03 đợt kiểm tra về tiêu chuẩn, đo lường, chất lượng và ghi nhãn tại 47 "
        "doanh nghiệp. Lấy 5 mẫu để kiểm tra chất lượng. Kết quả có 1 mẫu dầu DO không đạt "
        "yêu cầu theo quy chuẩn kỹ thuật. Phối hợp thanh tra, kiểm tra tại 34 doanh nghiệp.",
        note="counts with no stated relation between them",
    ),
    Passage(
        "https://baobacninh.com.vn/web/bbn/chi-tiet-khoa-hoc-va-cong-nghe/-/details/20182/thu-nghiem-kiem-inh-hieu-chuan-hon-12-200-phuong-tien-o",
        "Báo Bắc Ninh: Thử nghiệm, kiểm định, hiệu chuẩn hơn 12.200 phương tiện đo (2024)",
        "Cùng thời gian này, Sở Khoa học và Công nghệ tiếp nhận và giải quyết 790 hồ sơ đăng "
        "ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu, 22 hồ sơ công bố hợp chuẩn, "
        "10 hồ sơ công bố hợp quy.",
        note="a list with no stated total",
    ),
    Passage(
        "http://khcnbinhduong.gov.vn/New/tinh-binh-duong-nghien-cuu-khoa-hoc-va-phat-trien-cong-nghe-cap-co-so-nam-2019-2452",
        "Sở KH&CN Bình Dương: Nghiên cứu khoa học và phát triển công nghệ cấp cơ sở năm 2019",
        "Trung tâm Thông tin và Thống kê KH&CN đã lưu giữ được 20 nhiệm vụ KH&CN cấp cơ sở "
        "trong các lĩnh vực. Trong đó, nhiệm vụ KH&CN đến từ Trường đại học chiếm 90% (18 "
        "nhiệm vụ).",
        claims=(Claim("20", ("18",), kind="share", percent="90"),),
        note="a part's share of the total in the sentence before, the part's count after the %",
    ),
    Passage(
        "https://tuyenquangtv.vn/khoa-hoc-va-cong-nghe/202211/ttv-hoi-thao-danh-gia-ket-qua-trien-khai-de-tai-du-an-khoa-hoc-va-cong-nghe-nam-2022-c9a121e/",
        "Truyền hình Tuyên Quang: Hội thảo đánh giá kết quả triển khai đề tài, dự án KH&CN năm 2022",
        "Năm 2022, Sở Khoa học và Công nghệ tỉnh đã tham mưu quản lý, triển khai 71 đề tài, "
        "dự án khoa học và công nghệ cấp tỉnh, cấp quốc gia. Trong đó có 54 đề tài, dự án cấp "
        "tỉnh; 13 đề tài, dự án cấp bộ, cấp quốc gia. Tổng kinh phí sự nghiệp Khoa học và "
        "Công nghệ năm 2022 của tỉnh gần 17 tỷ đồng.",
        claims=(Claim("71", ("54", "13")),),
        consistent=False,
        note="as published the parts add up to 67, not 71: a real slip the audit must report",
    ),
    Passage(
        "https://baotuyenquang.com.vn/khoa-hoc/cong-nghe/danh-gia-ket-qua-trien-khai-de-tai-du-an-khoa-hoc-va-cong-nghe-tren-dia-ban-tinh-152206.html",
        "Báo Tuyên Quang: Đánh giá kết quả triển khai đề tài, dự án KH&CN trên địa bàn tỉnh (2021)",
        "Năm 2021, Sở KH&CN tham mưu quản lý, triển khai 50 đề tài, dự án KH&CN cấp tỉnh, cấp "
        "quốc gia được Bộ KH&CN, UBND tỉnh phê duyệt. Trong đó có 37 đề tài, dự án cấp tỉnh; "
        "13 đề tài, dự án cấp bộ, cấp quốc gia. Tổng kinh phí sự nghiệp KH&CN năm 2021 của "
        "tỉnh trên 16,9 tỷ đồng.",
        claims=(Claim("50", ("37", "13")),),
    ),
    Passage(
        *HAIDUONG_2022,
        "Năm 2022, Ủy ban nhân dân tỉnh đã phê duyệt 33 đề tài, dự án ở 4 lĩnh vực, trong đó "
        "có 12 đề tài, dự án thực hiện từ năm 2021 chuyển tiếp sang năm 2022 và 21 đề tài, dự "
        "án được tuyển chọn bắt đầu thực hiện từ năm 2022.",
        claims=(Claim("33", ("12", "21")),),
        note="a count of another noun ('ở 4 lĩnh vực') stands between the total and 'trong đó'",
    ),
    Passage(
        *HAIDUONG_2022,
        "Năm 2023, các cơ quan, đơn vị đăng ký thực hiện 18 đề tài, dự án khoa học và công "
        "nghệ mới, giảm 3 đề tài, dự án so với năm 2022. Tại cuộc họp, có 14 đề tài đạt 100% "
        "phiếu đồng ý thực hiện; 4 đề tài còn lại đạt từ 82,6% đến 96% số phiếu đồng ý.",
        claims=(Claim("18", ("14", "4"), kind="remainder"),),
        note="the earlier figure of 'giảm 3' is in another paragraph; '4 đề tài còn lại' is the remainder of 18",
    ),
    Passage(
        *HAUGIANG_2024,
        "Theo đó, Sở KH&CN đã tiếp nhận 67 đề xuất thuộc lĩnh vực khoa học nông nghiệp, kỹ "
        "thuật và công nghệ. Qua rà soát sự trùng lắp, sở tổng hợp 30 đề xuất đưa vào danh mục "
        "sơ bộ nhiệm vụ KH&CN cấp tỉnh năm 2024, 2025. Trong đó, có 14/30 nhiệm vụ do các sở, "
        "ban, ngành, địa phương chủ động đề xuất đặt hàng, chiếm tỷ lệ 46,67%.",
        claims=(Claim("30", ("14",), kind="ratio", percent="46,67"),),
        note="a ratio whose percentage comes after a long label",
    ),
    Passage(
        *HAUGIANG_2024,
        "Trước đó, đã xác định 10 nhiệm vụ thuộc lĩnh vực khoa học xã hội và nhân văn, y dược. "
        "Như vậy, có tổng cộng 19 đề tài, dự án thuộc danh mục nhiệm vụ KH&CN cấp tỉnh năm "
        "2024, 2025.",
        note="the other part (9) stands in the paragraph before: not checkable in this one",
    ),
    Passage(
        "https://baomoi.net.vn/yen-bai-ban-giao-24-nhiem-vu-khoa-hoc-va-cong-nghe-ket-thuc-nam-2023-c49064335.epi",
        "Báo Mới: Yên Bái bàn giao 24 nhiệm vụ khoa học và công nghệ kết thúc năm 2023",
        "Trong năm, Sở đã tổ chức quản lý, theo dõi 42 nhiệm vụ KH&CN, trong đó có 33 nhiệm "
        "vụ chuyển tiếp sang năm 2023 và 9 nhiệm vụ mới với tổng kinh phí sự nghiệp khoa học "
        "là 8 tỉ 990 triệu đồng. Ngoài ra, Sở cũng đã tổ chức đánh giá nghiệm thu cho 24 "
        'nhiệm vụ KH&CN, trong đó 1 nhiệm vụ được hội đồng đánh giá xếp loại "Xuất sắc" và '
        '23 nhiệm vụ xếp loại "Đạt".',
        claims=(Claim("42", ("33", "9")), Claim("24", ("1", "23"))),
    ),
    Passage(
        "https://bavutex.baria-vungtau.gov.vn/tin-tuc/chuyen-giao-ket-qua-nghien-cuu-7-de-tai-kh-cn-cap-tinh.html",
        "Sở KH&CN Bà Rịa - Vũng Tàu: Chuyển giao kết quả nghiên cứu 7 đề tài KH-CN cấp tỉnh (2024)",
        "7 đề tài KH-CN sau khi nghiên cứu và nghiệm thu đã được Sở KH-CN chuyển giao cho các "
        "đơn vị đặt hàng. Trong đó, Công an tỉnh đặt hàng 2 đề tài, Sở NN-PTNT đặt hàng 2 đề "
        "tài. Còn lại UBND huyện Đất Đỏ, Côn Đảo và Bộ CHQS tỉnh mỗi đơn vị đặt hàng 1 đề tài.",
        note="'Còn lại … mỗi đơn vị 1' continues the list without a figure to add: not a claim, and no alarm",
    ),
    Passage(
        "https://m.baogialai.com.vn/gia-lai-kiem-dinh-hieu-chuan-tren-11000-phuong-tien-do-cac-loai-post261948.html",
        "Báo Gia Lai: Gia Lai kiểm định, hiệu chuẩn trên 11.000 phương tiện đo các loại",
        "Theo đó, Chi cục đã tiến hành kiểm định, hiệu chuẩn 11.304 phương tiện đo các loại "
        "đạt yêu cầu cấp giấy chứng nhận đưa vào sử dụng; thử nghiệm được 1.551 mẫu các loại "
        "bao gồm 13.397 chỉ tiêu.",
        note="'bao gồm' introduces another unit (chỉ tiêu), not parts of the 1.551 mẫu",
    ),
    Passage(
        "https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Quyet-dinh-27-QD-UB-2004-quan-ly-de-tai-du-an-nhiem-vu-khoa-hoc-cong-nghe-Yen-Bai-246928.aspx?tab=4",
        "Quyết định 27/QĐ-UB năm 2004 tỉnh Yên Bái (quản lý đề tài, dự án và nhiệm vụ KH&CN)",
        "Số: 27/QĐ-UB. Căn cứ Nghị định số 81/2002/NĐ-CP, ngày 17/10/2002 của Chính phủ; Căn "
        "cứ Nghị định số 60/2003/NĐ-CP ngày 6/6/2003 của Chính phủ; Thông tư số "
        "59/2003/TT-BTC, ngày 23/6/2003 của Bộ Tài chính; Tờ trình số 01/TTLN-SKHCN-STC, ngày "
        "12 tháng 01 năm 2004. Quyết định này thay thế Quyết định số 140/QĐ-UB, ngày 15 tháng "
        "9 năm 1999.",
        refs=(
            "27/QĐ-UB",
            "81/2002/NĐ-CP",
            "60/2003/NĐ-CP",
            "59/2003/TT-BTC",
            "01/TTLN-SKHCN-STC",
            "140/QĐ-UB",
        ),
    ),
    Passage(
        "https://thuvienphapluat.vn/van-ban/Thuong-mai/Quyet-dinh-33-2013-QD-UBND-phoi-hop-co-che-mot-cua-an-toan-thuc-pham-hang-hoa-nhap-khau-Quang-Tri-216862.aspx",
        "Quyết định 33/2013/QĐ-UBND tỉnh Quảng Trị (cơ chế một cửa kiểm tra chất lượng hàng nhập khẩu)",
        "Số: 33/2013/QĐ-UBND. Căn cứ Nghị định số 132/2008/NĐ-CP ngày 31 tháng 12 năm 2008 "
        "của Chính phủ; Căn cứ Nghị định số 38/2012/NĐ-CP ngày 25 tháng 4 năm 2012 của Chính "
        "phủ; Căn cứ Thông tư số 27/2012/TT-BKHCN ngày 12 tháng 12 năm 2012 của Bộ trưởng Bộ "
        "Khoa học và Công nghệ; Căn cứ Quyết định số 23/2007/QĐ-BYT ngày 29 tháng 3 năm 2007 "
        "của Bộ trưởng Bộ Y tế; Căn cứ Quyết định số 72/QĐ-BCT ngày 07 tháng 01 năm 2013.",
        refs=(
            "33/2013/QĐ-UBND",
            "132/2008/NĐ-CP",
            "38/2012/NĐ-CP",
            "27/2012/TT-BKHCN",
            "23/2007/QĐ-BYT",
            "72/QĐ-BCT",
        ),
    ),
    Passage(
        "https://thuvienphapluat.vn/van-ban/Thuong-mai/Ke-hoach-385-KH-UBND-2020-trien-khai-ap-dung-quan-ly-he-thong-truy-xuat-nguon-goc-Ha-Tinh-577874.aspx",
        "Kế hoạch 385/KH-UBND năm 2020 tỉnh Hà Tĩnh (hệ thống truy xuất nguồn gốc)",
        "Số: 385/KH-UBND. Thực hiện Quyết định số 100/QĐ-TTg ngày 19/01/2019 của Thủ tướng "
        "Chính phủ; Nghị quyết số 215/2020/NQ-HĐND ngày 10/7/2020 của HĐND tỉnh; Quyết định "
        "số 2688/QĐ-UBND ngày 18/8/2020 của UBND tỉnh ban hành Quy định hướng dẫn thực hiện "
        "Nghị quyết số 215/2020/NQ-HĐND.",
        refs=("385/KH-UBND", "100/QĐ-TTg", "215/2020/NQ-HĐND", "2688/QĐ-UBND", "215/2020/NQ-HĐND"),
    ),
    Passage(
        "https://www.hoidoluong.vn/tin-tuc-su-kien/tien-toi-dai-hoi-nhiem-ky-v-hoi-do-luong-viet-nam.html",
        "Hội Đo lường Việt Nam: dự thảo báo cáo tổng kết nhiệm kỳ IV (2016 – 2021)",
        "Hội Đo lường Việt Nam được thành lập trên cơ sở Quyết định số 35/2000/QĐ-BTCCBCP "
        "ngày 08 tháng 5 năm 2000 của Bộ trưởng, Trưởng ban Tổ chức Cán bộ Chính phủ và Quyết "
        "định số 47/2000/QĐ-BTCCBCP ngày 19 tháng 7 năm 2000 về việc phê duyệt Điều lệ Hội.",
        refs=("35/2000/QĐ-BTCCBCP", "47/2000/QĐ-BTCCBCP"),
    ),
    Passage(
        "https://backan.dms.gov.vn/tin-chi-tiet/-/chi-tiet/quy-%C4%91inh-kiem-tra-nha-nuoc-ve-chat-luong-san-pham-hang-hoa-thuoc-tham-quyen-bo-kh-amp-cn-74322-811.html",
        "Quản lý thị trường Bắc Kạn: Quy định kiểm tra Nhà nước về chất lượng sản phẩm, hàng hóa thuộc thẩm quyền Bộ KH&CN",
        "Ngày 29/12/2023, Bộ Khoa học và Công nghệ ban hành Thông tư 24/2023/TT-BKHCN quy định "
        "về kiểm tra nhà nước về chất lượng sản phẩm, hàng hóa trong sản xuất. Thông tư có "
        "hiệu lực thi hành kể từ ngày 15/02/2024.",
        refs=("24/2023/TT-BKHCN",),
    ),
    Passage(
        "http://chicuctdc.baria-vungtau.gov.vn/prints/26/209/thongtuso232013ttbkhcnquydinhvedoluongdoivoiphuongtiendonhom2.ccdl",
        "Chi cục TCĐLCL Bà Rịa - Vũng Tàu: Thông tư số 23/2013/TT-BKHCN (phương tiện đo nhóm 2)",
        "Ngày 26/9/2013, Bộ Khoa học và Công nghệ đã ban hành Thông tư số 23/2013/TT-BKHCN quy "
        "định về đo lường đối với phương tiện đo nhóm 2. Thông tư này có hiệu lực thi hành từ "
        "ngày 15/11/2013.",
        refs=("23/2013/TT-BKHCN",),
    ),
    Passage(
        "https://luatminhkhue.vn/trinh-tu--thu-tuc--le-phi-dang-ky-bao-ho-nhan-hieu-cho-san-pham--hang-hoa--.aspx",
        "Luật Minh Khuê: Trình tự, thủ tục, lệ phí đăng ký bảo hộ nhãn hiệu",
        "Thông tư 01/2007/TT-BKHCN của Bộ Khoa học và Công nghệ hướng dẫn thi hành Nghị định "
        "số 103/2006/NĐ-CP ngày 22/9/2006 của Chính phủ; 02 Tờ khai đăng ký nhãn hiệu (theo "
        "mẫu số 04-NH), Phụ lục A của Thông tư 01/2007/TT-BKHCN.",
        refs=("01/2007/TT-BKHCN", "103/2006/NĐ-CP", "01/2007/TT-BKHCN"),
        note="'mẫu số 04-NH' is a form number, not a document symbol",
    ),
    Passage(
        "http://skhcn.vinhlong.gov.vn/content/quy-dinh-ve-muc-chi-doi-voi-de-tai-khoa-hoc-va-cong-nghe-cap-co-so",
        "Sở KH&CN Vĩnh Long: Quy định về mức chi đối với đề tài KH&CN cấp cơ sở (2014)",
        "Quyết định số 1536/QĐ-UBND Tỉnh Vĩnh Long về việc ban hành Quy định mức chi đối với "
        "đề tài khoa học và công nghệ cấp cơ sở.",
        refs=("1536/QĐ-UBND",),
    ),
    Passage(
        "https://baotravinh.vn/pho-chu-tich-nguyen-quynh-thien-1146/tag.html?page=3",
        "Báo Trà Vinh: tin Phó Chủ tịch UBND tỉnh (2023)",
        "Ngày 21/3/2023, Phó Chủ tịch UBND tỉnh ký ban hành Chỉ thị số 01/CT-UBND về tăng "
        "cường công tác quản lý tần số và thiết bị vô tuyến điện; hệ thống quản lý chất lượng "
        "theo tiêu chuẩn quốc gia TCVN ISO 9001:2015.",
        refs=("01/CT-UBND",),
        note="'TCVN ISO 9001:2015' is a standard, not a document symbol",
    ),
    Passage(
        "https://hethongphapluat.vn/quyet-dinh-30-2016-qd-ubnd-quy-dinh-qua-n-ly-va-thu-c-hie-n-cac-nhie-m-vu-khoa-hoc-va-cong-nghe-tren-dia-ban-tinh-vinh-phuc.html",
        "Quyết định 30/2016/QĐ-UBND tỉnh Vĩnh Phúc (quản lý nhiệm vụ KH&CN): văn bản liên quan",
        "Quyết định 24/2011/QĐ-UBND sửa đổi Quy định ban hành kèm theo Quyết định "
        "42/2006/QĐ-UBND; Nghị định 08/2014/NĐ-CP; Thông tư 09/2014/TT-BKHCN; Thông tư "
        "10/2014/TT-BKHCN; Thông tư 07/2014/TT-BKHCN; Thông tư 11/2014/TT-BKHCN; Thông tư "
        "23/2014/TT-BKHCN; Quyết định 47/2019/QĐ-UBND.",
        refs=(
            "24/2011/QĐ-UBND",
            "42/2006/QĐ-UBND",
            "08/2014/NĐ-CP",
            "09/2014/TT-BKHCN",
            "10/2014/TT-BKHCN",
            "07/2014/TT-BKHCN",
            "11/2014/TT-BKHCN",
            "23/2014/TT-BKHCN",
            "47/2019/QĐ-UBND",
        ),
    ),
    Passage(
        "http://vinanet.com.vn/van-ban-phap-luat/thong-tu-so-192016tt-bkhcn-664501.html",
        "Vinanet: Thông tư số 19/2016/TT-BKHCN",
        "Thông tư số 19/2016/TT-BKHCN của Bộ Khoa học và Công nghệ ngày 28 tháng 10 năm 2016 "
        "quy định quản lý Chương trình hỗ trợ phát triển doanh nghiệp khoa học và công nghệ.",
        refs=("19/2016/TT-BKHCN",),
    ),
)

ALL_PASSAGES: tuple[Passage, ...] = PASSAGES + MORE_PASSAGES


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
    slips: int = 0
    slips_found: int = 0
    unchecked: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    refs_wrong: list[str] = field(default_factory=list)

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
        if f.kind in (FindingKind.TOTAL, FindingKind.RATIO, FindingKind.SHARE, FindingKind.GROWTH):
            out.append((f.ok, text[f.span[0] : f.span[1]]))
    return out


def _bumped(figure: str) -> str:
    """``figure`` with its last digit raised by one unit, written the same way
    ("1.551" -> "1.552", "09" -> "10", "46,67" -> "46,68")."""
    if "," in figure:
        whole, frac = figure.split(",")
        raised = str(int(whole + frac) + 1).rjust(len(whole + frac), "0")
        return f"{raised[: -len(frac)]},{raised[-len(frac) :]}"
    digits = figure.replace(".", "")
    return (
        f"{int(digits) + 1:,}".replace(",", ".")
        if len(digits) > 3
        else f"{int(digits) + 1:0{len(figure)}d}"
    )


def _figure_at(figure: str) -> re.Pattern[str]:
    """The figure as a whole number in the text (not the "21" of "2021")."""
    return re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|[.,]\d)")


def _figures(claim: Claim) -> tuple[str, ...]:
    return (claim.total, *claim.parts, *((claim.percent,) if claim.percent else ()))


def measure(passages: tuple[Passage, ...] = ALL_PASSAGES) -> Figures:
    """Checked share, false alarms, caught single changes and reference F1 on the set.

    A claim is checked when a finding that holds spans all its figures; a false alarm
    is a failing finding on a consistent passage; a changed figure is caught when the
    passage with that one figure raised by one unit has a failing finding. Slips of
    the published text itself (``consistent=False``) are counted apart."""
    fig = Figures(passages=len(passages), documents=len({p.source for p in passages}))
    for p in passages:
        findings = _totals(p.text)
        if not p.consistent:
            for claim in p.claims:
                fig.slips += 1
                fig.slips_found += any(ok is False and claim.total in span for ok, span in findings)
        else:
            fig.false_alarms += sum(ok is False for ok, _ in findings)
            for claim in p.claims:
                fig.claims += 1
                figures = _figures(claim)
                if any(ok is True and all(x in span for x in figures) for ok, span in findings):
                    fig.checked += 1
                else:
                    fig.unchecked.append(f"{p.title[:50]}: {claim}")
                for figure in figures:
                    fig.changes += 1
                    changed = _figure_at(figure).sub(_bumped(figure), p.text, count=1)
                    if any(ok is False for ok, _ in _totals(changed)):
                        fig.caught += 1
                    else:
                        fig.missed.append(f"{p.title[:50]}: {figure}")
        found = [r.symbol for r in find_document_refs(p.text)]
        fig.refs_expected += len(p.refs)
        fig.refs_found += len(found)
        fig.refs_right += sum((Counter(found) & Counter(p.refs)).values())
        fig.refs_wrong.extend(sorted((Counter(found) - Counter(p.refs)).elements()))
        fig.refs_wrong.extend(sorted((Counter(p.refs) - Counter(found)).elements()))
    return fig
