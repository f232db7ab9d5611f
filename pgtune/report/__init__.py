"""Reports: findings → text, Markdown, JSON, HTML, SQL; ``check/`` renders the migration gate's results."""
