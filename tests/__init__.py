"""Tests of ECCP Factsheet Desktop."""
