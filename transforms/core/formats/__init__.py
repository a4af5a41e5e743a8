"""Input formats of conversation exports, behind a registry (Beam-free).

``reader.iter_items`` reads one file or message; ``registry`` names the formats.
"""
