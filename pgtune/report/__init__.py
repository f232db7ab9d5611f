"""Reports: findings in, text out (terminal, Markdown, JSON, HTML, SQL); ``check/`` renders the migration
gate's results. Renderers are pure functions; none touches a database."""
