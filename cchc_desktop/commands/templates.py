"""``templates [--json]``: the kinds of report a new report can be made from."""

from __future__ import annotations

import argparse
import json

import sqlite_utils

from ..core.templates import template_infos

NAME = "templates"
HELP = "liệt kê các mẫu báo cáo (tên, tên tiếng Việt, các kỳ báo cáo dùng được)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in dạng JSON")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    infos = template_infos()
    if args.json:
        items = [{"name": i.name, "title": i.title, "periods": [k.value for k in i.periods],
                  "optional_elements": i.optional_elements, "own": i.own, "description": i.description}
                 for i in infos]
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    width = max((len(i.name) for i in infos), default=0)
    for info in infos:
        own = " (mẫu riêng)" if info.own else ""
        print(f"{info.name:<{width}}  {info.title}{own} — kỳ: {info.period_text.lower()}")
    print("Tạo báo cáo: cchc-desktop new --template TÊN --period KỲ "
          "(ví dụ quarter:2026:3, half1:2026, month:2026:9, week:2026:9:3, none)")
    return 0
