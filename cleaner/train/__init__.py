"""Training the shipped models from the development datasets (`cleaner train`, extra `[train]`): the block
scorers (blocks.py), the title-line model (title.py) and the name-line model (nameline.py). Development only: the
cleaner never imports this at run time; it reads the models' JSON files (model/)."""
