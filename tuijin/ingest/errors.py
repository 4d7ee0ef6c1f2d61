"""The engine's error catalogue: every refusal has a code and a Chinese message."""

from __future__ import annotations


class ExtractionError(Exception):
    """Raised when a document cannot be read or extracted. `code` is stable; tests assert it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[ExtractionError], tuple[str, str]]:
        return (type(self), (self.code, self.message))  # pickles across processes


# Codes (I = ingest). Add new ones here, never reuse a number.
UNSUPPORTED_FORMAT = "I001"  # 不支持的文件格式
EMPTY_DOCUMENT = "I002"  # 文件为空或没有可提取的文字
UNKNOWN_ENCODING = "I003"  # 无法识别文件编码
BROKEN_FILE = "I004"  # 文件已损坏或格式错误 (docx/pdf/html 解析失败)
TOO_LARGE = "I005"  # 文件过大
TIMEOUT = "I006"  # 提取超时
NOT_FOUND = "I007"  # 文件不存在或无法读取
PACKAGE_BOMB = "I008"  # 压缩包解压后过大、压缩比异常或文件过多（疑似压缩炸弹）
SHEET_TOO_LARGE = "I009"  # 工作表行列范围或单元格数超出上限
XML_DECLARATION = "I010"  # 含 DOCTYPE/ENTITY 声明（XML 实体膨胀）
OVER_RESOURCES = "I011"  # 解析超出内存上限，或解析进程异常退出
