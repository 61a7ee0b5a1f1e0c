"""Roster bundles: a directory of CSV files or one XLSX workbook (see roster-format.md)."""
