"""Every figure of sections 二-四 of the 2015 report, with the words it is printed in.

Keys are those of ``core.report_figures``. ``SOURCE`` is read from the source text
(vendored in ``tests/data/report-2015/``), not from the app's resources; ``DIFFERENT`` lists the
figures the demo round cannot reproduce because the source contradicts itself there,
with the value the round gives instead (see ``SOURCE_CONFLICTS``).
"""

from __future__ import annotations

H, G, Y, C = "活跃度高", "活跃度较高", "活跃度一般", "活跃度较差"
B1, B2, B3 = "第一批", "第二批", "第三批"
FULL_1 = (
    "TD 产业技术创新战略联盟",
    "半导体照明产业技术创新战略联盟",
    "化纤产业技术创新战略联盟",
    "木竹产业技术创新战略联盟",
)
FULL_2 = ("数字音视频编解码（AVS）产业技术创新战略联盟", "住宅产业技术创新战略联盟")

# (key, printed value, the source's words)
SOURCE: list[tuple[str, object, str]] = [
    # 二、试点联盟活跃度总体情况
    ("pilots", 146, "目前共有 146家联盟参加了试点工作"),
    ("took_part", 125, "共有 125 家联盟参加了本次活跃度评价工作"),
    ("took_part_change", 9, "相比 2014 增加了9家"),
    ("full_marks", 6, "有 6家联盟得到了满分 100 分"),
    ("highest", 100, "满分 100 分"),
    ("lowest", 39, "最低分为 39 分"),
    (f"tier.{H}.count", 56, "活跃度高的联盟共 56 家"),
    (f"tier.{H}.share", 45, "占 45%"),
    (f"tier.{H}.change", 14, "相比 2014 年提高了 14个百分点"),
    (f"tier.{G}.count", 34, "活跃度较高的联盟共34家"),
    (f"tier.{G}.share", 27, "占 27%"),
    (f"tier.{G}.change", -5, "相比 2014 年下降了5 个百分点"),
    (f"tier.{Y}.count", 18, "活跃度一般的联盟共 18 家"),
    (f"tier.{Y}.share", 14, "占 14%"),
    (f"tier.{Y}.change", -11, "相比 2014 年下降了 11 个百分点"),
    (f"tier.{C}.count", 17, "活跃度较差的联盟共 17 家"),
    (f"tier.{C}.share", 14, "占 14%"),
    (f"tier.{C}.change", 2, "相比 2014 年提高了 2 个百分点"),
    ("not_taking_part", 21, "没有参加本次评价试点联盟共有 21 家"),
    ("reasons", 3, "据了解有三种情况"),
    # 三、从各项指标来看的试点联盟活跃度情况
    ("items.1.1.all", 122, "125 家联盟中有 122 家进行了年度工作总结和并制定了下年度工作计划"),
    (f"tier.{H}.item.2.1.chain", 56, "活跃度高的联盟全部开展了围绕产业链构建创新链活动"),
    (f"tier.{H}.item.2.2.government", 55, "活跃度高的 56家联盟中，55 家承担了政府科技计划项目"),
    (f"tier.{H}.item.2.2.self_funded", 55, "55家自筹资金设立联盟科研项目"),
    (f"tier.{H}.item.2.2.commissioned", 50, "50 家以联盟名义接受外部委托项目"),
    (f"tier.{H}.item.2.3.standards", 56, "全部 56家联盟组织成员单位共同开展标准制定工作"),
    (f"tier.{H}.item.2.4.patents", 49, "49家联盟开展了多种形式的联盟成员专利共享活动"),
    (
        f"tier.{G}.item.2.2.government",
        29,
        "活跃度较高的 34家联盟中，也有 29家承担了政府科技计划项目",
    ),
    (f"tier.{G}.item.2.2.self_funded", 28, "28 家联盟自筹资金设立科研项目"),
    (f"tier.{G}.item.2.3.standards", 32, "32家开展标准制定工作"),
    (f"tier.{G}.item.2.4.patents", 25, "25 家开展联盟成员专利共享活动"),
    (
        f"tier.{G}.item.2.2.commissioned",
        "<17",
        "只有不到半数的联盟开展了以联盟名义接受外部委托项目",
    ),
    ("item.4.1.website", 103, "共有 103 家联盟拥有对外宣传的网站和网页"),
    # 四、不同批次试点联盟的活跃度情况
    (f"batch.{B1}.pilots", 56, "56 家第一批试点联盟"),
    (f"batch.{B1}.took_part", 47, "参加此次活跃度评价的共 47家"),
    (f"batch.{B1}.took_part_share", 84, "占 84%"),
    (f"batch.{B1}.tier.{H}.count", 27, "活跃度高的 27 家"),
    (f"batch.{B1}.tier.{H}.share", 58, "占 58%"),
    (f"batch.{B1}.tier.{G}.count", 11, "活跃度较高的 11 家"),
    (f"batch.{B1}.tier.{G}.share", 24, "占 24%"),
    (f"batch.{B1}.tier.{Y}.count", 3, "活跃度一般的 3 家"),
    (f"batch.{B1}.tier.{Y}.share", 6, "占 6%"),
    (f"batch.{B1}.tier.{C}.count", 6, "活跃度较差的 6家"),
    (f"batch.{B1}.tier.{C}.share", 12, "占 12%"),
    (f"batch.{B2}.pilots", 39, "39 家第二批试点联盟"),
    (f"batch.{B2}.took_part", 33, "参加此次活跃度评价的共33家"),
    (f"batch.{B2}.took_part_share", 85, "占 85%"),
    (f"batch.{B2}.tier.{H}.count", 12, "活跃度高的 12家"),
    (f"batch.{B2}.tier.{H}.share", 36, "占 36%"),
    (f"batch.{B2}.tier.{G}.count", 5, "活跃度较高的 5 家"),
    (f"batch.{B2}.tier.{G}.share", 15, "占 15%"),
    (f"batch.{B2}.tier.{Y}.count", 10, "活跃度一般的 10家"),
    (f"batch.{B2}.tier.{Y}.share", 31, "占 31%"),
    (f"batch.{B2}.tier.{C}.count", 6, "活跃度较差的 6 家"),
    (f"batch.{B2}.tier.{C}.share", 18, "占 18%"),
    (f"batch.{B3}.pilots", 55, "55 家第三批试点联盟"),
    (f"batch.{B3}.took_part", 45, "参加此次活跃度评价的共45家"),
    (f"batch.{B3}.took_part_share", 82, "占 82%"),
    (f"batch.{B3}.tier.{H}.count", 17, "活跃度高的 17家"),
    (f"batch.{B3}.tier.{H}.share", 38, "占 38%"),
    (f"batch.{B3}.tier.{G}.count", 18, "活跃度较高的 18 家"),
    (f"batch.{B3}.tier.{G}.share", 40, "占 40%"),
    (f"batch.{B3}.tier.{Y}.count", 5, "活跃度一般的 5家"),
    (f"batch.{B3}.tier.{Y}.share", 11, "占 11%"),
    (f"batch.{B3}.tier.{C}.count", 5, "活跃度较差的 5 家"),
    (f"batch.{B3}.tier.{C}.share", 11, "占 11%"),
    (f"batch.{B1}.top_two", 38, "第一批试点联盟中活跃度高和较高的联盟有 38 家"),
    (f"batch.{B1}.top_two_share", 82, "达到总数的 82%"),
    (
        f"batch.{B1}.full_marks",
        FULL_1,
        "其中，TD 产业技术创新战略联盟、半导体照明产业技术创新战略联盟、化纤产业技术创新战略联盟"
        "和木竹产业技术创新战略联盟得到了满分",
    ),
    (
        "repeated_full_marks",
        ("半导体照明产业技术创新战略联盟",),
        "特别是半导体照明产业技术创新战略联盟连续两年获得满分",
    ),
    (
        f"batch.{B2}.full_marks",
        FULL_2,
        "第二批试点联盟也有数字音视频编解码（AVS）产业技术创新战略联盟、"
        "住宅产业技术创新战略联盟得到了满分",
    ),
    (f"batch.{B3}.top_two", 35, "活跃度高和较高的联盟有 35 家"),
    (f"batch.{B3}.top_two_share", 78, "达到总数的 78%"),
    (f"batch.{B3}.at_or_above.90", 12, "有 12 家联盟评分都在 90 分以上"),
]

# where the demo round gives another value than printed, because the source disagrees
# with itself: the value the round computes
DIFFERENT: dict[str, object] = {
    # 56 + 39 + 55 = 150 pilots by batch, 146 in the text: the roster holds 146, so one
    # batch is smaller than printed (the third: 51)
    f"batch.{B3}.pilots": 51,
    f"batch.{B3}.took_part_share": 88,
    # per-batch shares that follow no single rounding rule (the round's rule: largest
    # remainder)
    f"batch.{B1}.tier.{G}.share": 23,
    f"batch.{B1}.tier.{C}.share": 13,
    f"batch.{B2}.tier.{H}.share": 37,
    f"batch.{B2}.tier.{Y}.share": 30,
    # 38 of 47 is 80.9 %; 82 is 58 + 24, the sum of the two printed shares
    f"batch.{B1}.top_two_share": 81,
}

# the contradictions inside the source the app lists (words each sentence must contain)
SOURCE_CONFLICTS = [
    ("56 + 39 + 55 = 150", "146"),
    ("9 + 6 + 10 = 25", "21"),
    ("第一批", "58/24/6/12"),
    ("第二批", "36/15/31/18"),
    ("38", "82%", "81%"),
    ("第 109 名", "65", "活跃度较差"),
]
