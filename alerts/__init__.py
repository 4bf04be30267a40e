"""Rendering alerts for each channel and delivering the outbox through apprise."""
