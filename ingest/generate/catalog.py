"""What a county (city, province) consists of: departments, institutions, enterprises.

Names are written in county form ("局", "股"); :mod:`.profile` renames them for cities and
provinces. Lists are in order of importance: small blocks keep the first entries.
"""

from __future__ import annotations

from dataclasses import dataclass

G, FIN, PER, APP = "general", "finance", "personnel", "approval"


@dataclass(frozen=True, slots=True)
class Dept:
    key: str
    name: str
    """Unit name after the area name; "{p}" marks the party prefix (中共{area}委...)."""
    kind: str
    head: str
    deputy: str
    members: tuple[str, ...]
    parent: str
    """'party', 'gov' or 'congress'."""
    standing: bool
    """Its principal sits on the standing committee (a second, concurrent post)."""
    oversight: str
    """Who oversees it: 'exec' (常务副职), 'head' (政府正职), 'vice' (a 副职), 'legal'
    (政法委书记) or '' (none: the party committee's principal leads it)."""
    divisions: tuple[tuple[str, str], ...]
    function: str = ""
    """When set: the function of every post of the unit."""
    weight: float = 1.0
    avoid: bool = False


_M = ("党组成员", "纪检监察组组长", "总工程师", "工会主席", "党组成员")
_SUP = (("办公室", G), ("财务股", FIN))
DEPARTMENTS: tuple[Dept, ...] = (
    Dept("纪委监委", "纪委监委", "discipline", "书记", "副书记", ("常委", "监委委员"), "party",
         True, "", (("办公室", G), ("党风政风监督室", G), ("第一纪检监察室", G),
                    ("第二纪检监察室", "supervision"), ("案件审理室", G)),
         "discipline", 1.3, True),
    Dept("组织部", "{p}组织部", "organization", "部长", "副部长", ("部务委员",), "party", True, "",
         (("办公室", G), ("干部股", G), ("组织股", G), ("干部监督股", G)),
         "organization", 1.0, True),
    Dept("委办", "{p}办公室", "department", "主任", "副主任", ("党组成员",), "party", True, "",
         (("秘书股", G), ("信息股", G), ("督查股", G), ("财务股", FIN))),
    Dept("宣传部", "{p}宣传部", "department", "部长", "副部长", ("部务委员",), "party", True, "",
         (*_SUP, ("宣传股", G), ("理论股", G))),
    Dept("政法委", "{p}政法委员会", "department", "书记", "副书记", ("委员",), "party", True,
         "", (("办公室", G), ("综治股", G), ("维稳股", G))),
    Dept("法院", "人民法院", "court", "院长", "副院长", ("审判委员会专职委员",), "congress",
         False, "legal", (("办公室", G), ("政治处", PER), ("刑事审判庭", G), ("民事审判庭", G),
                          ("执行局", G), ("司法行政装备股", FIN)), "", 1.6, True),
    Dept("检察院", "人民检察院", "procuratorate", "检察长", "副检察长", ("检察委员会专职委员",),
         "congress", False, "legal", (("办公室", G), ("政治部", PER), ("第一检察部", G),
                                      ("第二检察部", G), ("计划财务装备股", FIN)), "", 1.2, True),
    Dept("公安局", "公安局", "public_security", "局长", "副局长", ("政委", "党委委员"), "gov",
         False, "legal", (("指挥中心", G), ("政工股", PER), ("治安大队", G), ("刑侦大队", G),
                          ("交警大队", G), ("警务保障股", FIN)), "", 4.0, True),
    Dept("政府办", "人民政府办公室", "department", "主任", "副主任", ("党组成员",), "gov", False,
         "exec", (("秘书股", G), ("综合股", G), ("财务股", FIN))),
    Dept("财政局", "财政局", "department", "局长", "副局长", _M, "gov", False, "exec",
         (("办公室", G), ("人事股", PER), ("预算股", FIN), ("国库股", FIN), ("会计股", FIN)),
         "", 1.4),
    Dept("教育局", "教育局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("人事股", PER), ("基础教育股", G), ("职成教股", G)), "", 1.3),
    Dept("卫健局", "卫生健康局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("人事股", PER), ("医政股", G), ("疾控股", G)), "", 1.2),
    Dept("住建局", "住房和城乡建设局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("行政审批股", APP), ("城建股", G), ("房管股", G)), "", 1.2),
    Dept("人社局", "人力资源和社会保障局", "department", "局长", "副局长", _M, "gov", False,
         "vice", (*_SUP, ("人事股", PER), ("工资福利股", PER), ("就业促进股", G)), "", 1.1),
    Dept("审计局", "审计局", "department", "局长", "副局长", _M, "gov", False, "head",
         (("办公室", G), ("审计一股", G), ("审计二股", G)), "audit"),
    Dept("统战部", "{p}统战部", "department", "部长", "副部长", ("部务委员",), "party", True, "",
         (("办公室", G), ("党派股", G), ("民族宗教股", G))),
    Dept("发改局", "发展和改革局", "department", "局长", "副局长", _M, "gov", False, "exec",
         (*_SUP, ("投资股", APP), ("规划股", G), ("价格股", G))),
    Dept("交通局", "交通运输局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("行政审批股", APP), ("建设股", G)), "", 1.1),
    Dept("自然资源局", "自然资源和规划局", "department", "局长", "副局长", _M, "gov", False,
         "vice", (*_SUP, ("用地股", APP), ("规划股", APP), ("执法股", G)), "", 1.2),
    Dept("农业农村局", "农业农村局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("农业股", G), ("乡村振兴股", G)), "", 1.2),
    Dept("水利局", "水利局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("行政审批股", APP), ("工程股", G))),
    Dept("市场监管局", "市场监督管理局", "department", "局长", "副局长", _M, "gov", False,
         "vice", (*_SUP, ("登记注册股", APP), ("执法股", G), ("食品股", G)), "", 1.3),
    Dept("民政局", "民政局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("社会救助股", G), ("社会事务股", G))),
    Dept("商务局", "商务局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("外贸股", G), ("流通股", G)), "", 0.8),
    Dept("文旅局", "文化广电旅游体育局", "department", "局长", "副局长", _M, "gov", False,
         "vice", (*_SUP, ("文化股", G), ("旅游股", G))),
    Dept("司法局", "司法局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("法治股", G), ("公共法律服务股", G)), "", 0.9),
    Dept("应急局", "应急管理局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("安监股", APP), ("救援股", G)), "", 0.9),
    Dept("统计局", "统计局", "department", "局长", "副局长", _M, "gov", False, "exec",
         (*_SUP, ("综合统计股", G), ("调查股", G)), "", 0.7),
    Dept("退役军人局", "退役军人事务局", "department", "局长", "副局长", _M, "gov", False,
         "vice", (*_SUP, ("优抚股", G), ("安置股", G)), "", 0.7),
    Dept("医保局", "医疗保障局", "department", "局长", "副局长", _M, "gov", False, "vice",
         (*_SUP, ("待遇股", G), ("基金监管股", FIN)), "", 0.8),
)


@dataclass(frozen=True, slots=True)
class Inst:
    name: str
    parent: str
    """Key of the department it belongs to; '' = directly under the government (a minor unit)."""
    family: str
    """'edu', 'med' or 'gen': career pool and titles."""
    weight: float


INSTITUTIONS: tuple[Inst, ...] = (
    Inst("人民医院", "卫健局", "med", 420), Inst("第一中学", "教育局", "edu", 200),
    Inst("中医院", "卫健局", "med", 220), Inst("第二中学", "教育局", "edu", 150),
    Inst("实验小学", "教育局", "edu", 100), Inst("职业中等专业学校", "教育局", "edu", 110),
    Inst("妇幼保健院", "卫健局", "med", 100), Inst("疾病预防控制中心", "卫健局", "med", 50),
    Inst("第二小学", "教育局", "edu", 70), Inst("社会保险事业管理中心", "人社局", "gen", 35),
    Inst("农业技术推广中心", "农业农村局", "gen", 35), Inst("公路养护中心", "交通局", "gen", 50),
    Inst("实验幼儿园", "教育局", "edu", 40), Inst("不动产登记中心", "自然资源局", "gen", 25),
    Inst("动物疫病预防控制中心", "农业农村局", "gen", 25),
    Inst("水利工程管理站", "水利局", "gen", 25), Inst("就业服务中心", "人社局", "gen", 20),
    Inst("城乡规划设计院", "住建局", "gen", 20), Inst("检验检测中心", "市场监管局", "gen", 20),
    Inst("社会福利院", "民政局", "gen", 20), Inst("文化馆", "文旅局", "gen", 15),
    Inst("图书馆", "文旅局", "gen", 15), Inst("教师发展中心", "教育局", "gen", 20),
)
TOWNSHIP_INSTITUTIONS: tuple[Inst, ...] = (
    Inst("中心小学", "教育局", "edu", 40), Inst("初级中学", "教育局", "edu", 45),
    Inst("卫生院", "卫健局", "med", 32),
)
MINOR_UNITS: tuple[Inst, ...] = (
    Inst("融媒体中心", "", "gen", 40), Inst("行政服务中心", "", "gen", 25),
    Inst("机关事务服务中心", "", "gen", 20), Inst("档案馆", "", "gen", 15),
    Inst("公共资源交易中心", "", "gen", 15),
)
ENTERPRISES: tuple[Inst, ...] = (
    Inst("城市建设投资集团有限公司", "住建局", "ent", 160),
    Inst("国有资产投资经营有限公司", "财政局", "ent", 80),
    Inst("交通投资集团有限公司", "交通局", "ent", 120),
    Inst("水务集团有限公司", "水利局", "ent", 110),
    Inst("农业发展集团有限公司", "农业农村局", "ent", 80),
    Inst("文化旅游发展有限公司", "文旅局", "ent", 70),
    Inst("粮食收储有限公司", "发改局", "ent", 70),
    Inst("公共交通有限公司", "交通局", "ent", 70),
)
