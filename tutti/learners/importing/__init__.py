"""The learners CSV import (columns in IMPORT.md): parse every row, then write all of it or nothing."""
