"""methlint: lint and safely fix Jekyll method documents (YAML front matter + French Markdown)."""

__version__ = "0.1.0"
