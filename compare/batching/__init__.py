"""Many articles in: grouped into stories, one report per story, an index."""
