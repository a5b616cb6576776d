"""The admin's image upload form: Wagtail's, with the pixel limit checked before any pixel is decoded.

Wagtail checks the pixel count of an upload against `WAGTAILIMAGES_MAX_IMAGE_PIXELS` only after Willow
has decoded the whole image to learn its size, and it does not catch what Pillow raises on the way:

* a small file declaring 15,000 × 15,000 pixels made Pillow refuse with DecompressionBombError, and one
  declaring 8,000 × 8,000 was decoded into memory before being refused (a decompression bomb);
* a file whose header is sound but whose data is cut short made Pillow raise OSError.

Both were server errors. Here the size is read from the header first (Pillow opens lazily), so an image
over the limit is refused without being decoded, and a file Pillow cannot decode is "not a valid image".
Used through `WAGTAILIMAGES_IMAGE_FORM_BASE`, so every upload form (add, multiple upload, chooser) has it.
"""

import warnings

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for a file it recognises but cannot read: truncated or corrupt data.
UNREADABLE = (OSError, SyntaxError, ValueError)


def declared_size(data):
    """(width, height) from the image's header without decoding it; None when Pillow does not know the file.

    Raises PIL's DecompressionBombError when the header declares more than twice Pillow's own limit.
    """
    source = data.temporary_file_path() if hasattr(data, "temporary_file_path") else data
    position = data.tell() if hasattr(data, "tell") else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)  # refused below, with our limit
            with PILImage.open(source) as image:
                return image.size
    except (UnidentifiedImageError, *UNREADABLE):
        return None  # Wagtail's own checks say what is wrong with it
    finally:
        if position is not None:
            data.seek(position)


class ImageFileField(WagtailImageField):
    def to_python(self, data):
        if data not in self.empty_values and self.max_image_pixels is not None and hasattr(data, "read"):
            try:
                size = declared_size(data)
            except PILImage.DecompressionBombError as exc:
                raise ValidationError(
                    _("This image has far too many pixels to be processed safely. Maximum pixels: %(maximum)s.")
                    % {"maximum": self.max_image_pixels},
                    code="file_too_many_pixels",
                ) from exc
            if size is not None and size[0] * size[1] > self.max_image_pixels:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {"num_pixels": size[0] * size[1], "max_pixels_count": self.max_image_pixels},
                    code="file_too_many_pixels",
                )
        return super().to_python(data)

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except UNREADABLE as exc:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            # Wagtail builds this field itself (formfield_for_dbfield): the same field, with the checks above.
            self.fields["file"] = ImageFileField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                max_length=field.max_length,
                allow_empty_file=field.allow_empty_file,
            )
