"""Relations between entities found by learned models (the directed-stance classifier)."""
