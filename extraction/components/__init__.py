"""The newslens pipeline components, one module per ``@Language.factory``."""
