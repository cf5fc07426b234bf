"""The dashboard's building blocks: cached loaders, pure chart and map builders, filters, palette, uploads."""
