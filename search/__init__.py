"""Reading the index: queries, ranking, highlighting, facets and the command line."""
