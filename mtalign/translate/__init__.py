"""Stage 5: batch translation with CTranslate2, translation memory first, resumable."""
