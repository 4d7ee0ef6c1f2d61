"""The engine's error catalogue: every refusal has a code and a Chinese message."""

from __future__ import annotations


class ExtractionError(Exception):
    """Raised when a document cannot be read or extracted. `code` is stable; tests assert it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


# Codes (I = ingest). Add new ones here, never reuse a number.
UNSUPPORTED_FORMAT = "I001"  # 不支持的文件格式
EMPTY_DOCUMENT = "I002"  # 文件为空或没有可提取的文字
UNKNOWN_ENCODING = "I003"  # 无法识别文件编码
BROKEN_FILE = "I004"  # 文件已损坏或格式错误 (docx/pdf/html 解析失败)
TOO_LARGE = "I005"  # 文件过大
TIMEOUT = "I006"  # 提取超时
NOT_FOUND = "I007"  # 文件不存在或无法读取
