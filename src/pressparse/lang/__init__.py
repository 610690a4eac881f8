"""Language data and rules, one package per language."""
