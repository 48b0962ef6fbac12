"""Checking a family's evidence file by its content, never by its name, before it is stored.

Accepted: PDF, JPEG and PNG, up to 5 MB. Images are opened and verified by Pillow (the format it finds
must be JPEG or PNG, and its decompression-bomb guard applies). A PDF must start with the PDF header,
end with its end-of-file marker, and carry no active content (JavaScript, launch actions, embedded
files). Anything else (an executable renamed .pdf, an SVG, a Word file) is refused with a message that
says what the file really is not. The content type stored is the one the content shows, not the one
the browser sent.
"""

import io
import re
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
ACCEPTED = "a PDF, JPEG or PNG file"

_PDF_HEADER = b"%PDF-"
_PDF_EOF = b"%%EOF"
# PDF names that run or open something when the file is viewed; a letter or a benefit statement has none.
_PDF_ACTIVE_CONTENT = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA|RichMedia|XFA)\b")


class EvidenceRejected(ValueError):
    """The file cannot be accepted as evidence; the message says why, naming the file."""


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    content_type: str
    extension: str


def _check_pdf(content: bytes, name: str) -> CheckedFile:
    if _PDF_EOF not in content[-1024:]:
        raise EvidenceRejected(f"{name} is not a complete PDF: it may have been cut short. Send the file again.")
    if _PDF_ACTIVE_CONTENT.search(content):
        raise EvidenceRejected(
            f"{name} contains scripts or embedded files, which evidence must not have. "
            "Save or scan the document again as a plain PDF, or send a photo of it."
        )
    return CheckedFile(content, "application/pdf", "pdf")


def _check_image(content: bytes, name: str) -> CheckedFile:
    try:
        with Image.open(io.BytesIO(content)) as image:
            found = image.format
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            image.load()  # decode every pixel: verify() alone passes a JPEG cut short
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise EvidenceRejected(f"{name} is not {ACCEPTED}, whatever its name says.") from None
    if found == "JPEG":
        return CheckedFile(content, "image/jpeg", "jpg")
    if found == "PNG":
        return CheckedFile(content, "image/png", "png")
    raise EvidenceRejected(f"{name} is a {found} image: send {ACCEPTED}.")


def check_evidence(upload: UploadedFile) -> CheckedFile:
    """Read the upload and accept it as a PDF, JPEG or PNG, or raise EvidenceRejected saying why."""
    name = upload.name or "The file"
    if upload.size is not None and upload.size > MAX_BYTES:
        raise EvidenceRejected(f"{name} is larger than 5 MB. Send a smaller file, or a photo of each page.")
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise EvidenceRejected(f"{name} is larger than 5 MB. Send a smaller file, or a photo of each page.")
    if not content:
        raise EvidenceRejected(f"{name} is empty.")
    if content.startswith(_PDF_HEADER):
        return _check_pdf(content, name)
    return _check_image(content, name)
