"""Make sure Debian's Chromium and CJK fonts are there for the browser tests.

Installs them with apt-get when running as root on Debian and they are missing; otherwise prints
how to install them (the browser tests are then skipped, unless TUIJIN_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path(os.environ.get("TUIJIN_CHROMIUM", "/usr/bin/chromium"))
FONT_DIR = Path("/usr/share/fonts/opentype/noto")


def main() -> int:
    missing = []
    if not CHROMIUM.exists():
        missing.append("chromium")
    if not FONT_DIR.exists():
        missing.append("fonts-noto-cjk")
    if not missing:
        return 0
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"正在安装浏览器测试所需的软件包: {' '.join(missing)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False, env=env)
        return 0 if done.returncode == 0 else 1
    print(
        "提示: 未找到 Debian chromium / fonts-noto-cjk，浏览器测试将被跳过。"
        f" 安装: sudo apt-get install {' '.join(missing)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
