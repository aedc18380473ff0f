"""Synthetic evidence notes for the demo round (Chinese, per indicator of the 2015 rubric)."""

from __future__ import annotations

import random

EVIDENCE = {
    "1.1": ("提交了年度工作总结和下年度工作计划", "工作计划内容较简略"),
    "1.2": ("按章程召开理事会并附会议纪要", "理事会召开次数少于章程规定"),
    "1.3": ("召开专家（技术）委员会会议，有纪要", "专家委员会全年仅以通讯方式议事"),
    "1.4": ("秘书处有专职人员，附人员名单", "专职人员不足两名"),
    "1.5": ("秘书处财务、会议、档案制度成文", "工作制度不完备"),
    "1.6": ("秘书处工作会记录齐全", "秘书处工作会频次不足"),
    "2.1": ("围绕产业链组织成员单位分工协作，有具体成果", "创新链建设仍停留在规划阶段"),
    "2.2": ("承担政府科技计划项目并自设联盟科研项目", "以联盟名义接受外部委托项目较少"),
    "2.3": ("组织成员单位制定行业和联盟标准", "标准工作以参与为主，牵头较少"),
    "2.4": ("建立专利共享机制并开展许可活动", "专利共享仅有机制，缺少实际活动"),
    "3.1": ("以联盟名义举办行业论坛和学术会议", "活动规模较小"),
    "3.2": ("组织技术成果推广转移，有示范工程", "成果转化成效材料不足"),
    "3.3": ("面向行业举办专业培训讲座", "培训次数较少"),
    "3.4": ("发布年度产业发展报告", "有趋势研究但未公开发布报告"),
    "4.1": ("联盟网站运行正常、更新及时", "网站更新不及时"),
    "4.2": ("定期出版工作简报", "简报出版不定期"),
    "4.3": ("与其他联盟开展交流并合作项目", "与其他联盟交流较少"),
    "4.4": ("向联络组网站报送信息", "对外宣传报送次数少"),
}


def reviewer_note(code: str, points: int, max_points: int, rng: random.Random) -> str:
    good, short = EVIDENCE.get(code, ("材料齐全", "材料不足"))
    if points >= max_points:
        return f"{good}，符合评分标准。"
    if points == 0:
        return f"自评价表未提供相关材料，{short}。"
    lost = max_points - points
    ending = rng.choice(("酌情扣分", "按标准扣分", "扣分"))
    return f"{good}；但{short}，{ending} {lost} 分。"


def self_note(code: str, points: int, max_points: int) -> str:
    good, short = EVIDENCE.get(code, ("材料齐全", "材料不足"))
    if points >= max_points:
        return f"本联盟{good}。"
    return f"本联盟{good}，{short}。"
