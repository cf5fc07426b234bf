"""Turn news articles about digital education into tidy, validated CSV tables."""
