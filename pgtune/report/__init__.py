"""Reports: findings in, text out. Renderers are pure functions of a Report; none touches a database."""
