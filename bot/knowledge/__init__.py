"""The knowledge base: questions members ask, with sourced answers (knowledge/*.yml)."""
