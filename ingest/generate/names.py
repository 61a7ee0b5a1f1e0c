"""Chinese personal names: surnames weighted by frequency, 1-2 character given names by sex."""

from __future__ import annotations

import itertools
import random

# The hundred commonest surnames with approximate shares (per mille), then two compound ones.
_SURNAMES = (
    "王71", "李70", "张67", "刘54", "陈45", "杨31", "黄22", "赵21", "吴20", "周19", "徐15", "孙14",
    "马13", "朱13", "胡12", "郭11", "何11", "高10", "林10", "罗9", "郑9", "梁8", "谢7", "宋6",
    "唐6", "许6", "韩6", "冯5", "邓5", "曹5", "彭5", "曾5", "肖5", "田5", "董5", "袁4",
    "潘4", "于4", "蒋4", "蔡4", "余4", "杜4", "叶4", "程4", "苏3", "魏3", "吕3", "丁3",
    "任3", "沈3", "姚3", "卢3", "姜3", "崔3", "钟3", "谭3", "陆3", "汪3", "范3", "金3",
    "石3", "廖3", "贾3", "夏2", "韦2", "付2", "方2", "白2", "邹2", "孟2", "熊2", "秦2",
    "邱2", "江2", "尹2", "薛2", "闫2", "段2", "雷2", "侯2", "龙2", "史2", "陶2", "黎2",
    "贺2", "顾2", "毛2", "郝2", "龚2", "邵2", "万2", "钱2", "严2", "覃2", "武2", "戴2",
    "莫2", "孔2", "向2", "汤2", "欧阳1", "司马1",
)
SURNAMES = tuple(s.rstrip("0123456789") for s in _SURNAMES)
_CUM = tuple(itertools.accumulate(int(s[len(n):]) for s, n in zip(_SURNAMES, SURNAMES,
                                                                    strict=True)))

_MALE = ("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋东峰建国文志海金兵荣新晨阳"
         "成亮良春德清正民永庆栋振兴山江河松柏毅锋彬博昊然鸿卫忠诚武胜利祥福泽睿晖")
_FEMALE = ("芳娜敏静丽艳娟霞秀玲燕萍红梅琳婷雪慧颖倩丹莉洁佳蓉琴云玉兰凤英莹欣怡悦璐瑶薇晶菲"
           "琪露月珍娇媛丽婉清秋霜梦妍宁馨茜黎")
_EITHER = "文华平明小晓海春秋林宏子思嘉雨心一安乐永新俊志益"


def surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=_CUM)[0]


def given_name(rng: random.Random, gender: str) -> str:
    own = _MALE if gender == "M" else _FEMALE
    r = rng.random
    n = len(own)
    second = own[int(r() * n)]
    if r() < 0.25:
        return second
    first = own[int(r() * n)] if r() < 0.6 else _EITHER[int(r() * len(_EITHER))]
    while second == first:
        second = own[int(r() * n)]
    return first + second


def place_name(rng: random.Random) -> str:
    """Two characters for a county, town or city (suffix added by the caller)."""
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B)


_PLACE_A = "青云安平宁永长新东西南清丰泰华兴广临江河阳溪石龙凤金玉白黄松桃梅柳桂莲双万高鹤鸣凌秀"
_PLACE_B = "江山河溪阳川源宁安平丰城林湖泉岭峰田桥口坪塘坝湾亭洲津渡陵原谷岗"
