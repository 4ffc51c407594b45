"""The benchmark: the cleaner and its peers on the development datasets, scored as the datasets' README says."""
