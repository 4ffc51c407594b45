"""The development datasets as the benchmark and the trainers read them: their rows and gold (datasets.py), the
fixed by-site split (split.py), the plain-text dumps a scraper would make of their pages (dumps.py) and the scores
of the datasets' README (score.py). Development only: the cleaner never imports this at run time."""
