"""The foreign trading workload: 35 read and 7 write shapes, weighted by how often the application runs them.

Written by us for this bench, but not the exchange demo pgtune was developed on, and never used to tune it:
other tables and columns (taker/maker order ids, a candle table keyed by bucket, ledger entries, transfers,
KYC, sessions, alerts), and the patterns issue 16 found pgtune blind to: an OR across two columns, a join
probing the inner side by its key, a top-N read by one instrument, updates of a column a partial index
would hold. Parameters are drawn from a seeded generator and hit existing rows (the generation's formulas
are reproduced here).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


@dataclass(frozen=True)
class Sizes:
    users: int
    instruments: int
    orders: int
    trades: int
    minutes: int
    ledger: int
    transfers: int
    sessions: int
    alerts: int

    @classmethod
    def for_scale(cls, scale: float) -> Sizes:
        """Scale 1: 3M trades, 1.5M orders, 100k users, 2M ledger entries, 200 instruments × 5 days of candles."""

        def n(count: float) -> int:
            return max(int(count * scale), 50)

        return cls(n(100_000), 200, n(1_500_000), n(3_000_000), max(int(7_200 * scale), 120), n(2_000_000),
                   n(200_000), n(200_000), n(100_000))  # fmt: skip

    def placeholders(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


Params = Callable[[random.Random, Sizes], tuple]


@dataclass(frozen=True)
class Template:
    name: str
    weight: int
    sql: str
    params: Params
    writes: bool = False


def _user(r: random.Random, s: Sizes) -> int:
    return r.randint(1, s.users)


def _instrument(r: random.Random, s: Sizes) -> int:
    return r.randint(1, s.instruments)


def _order(r: random.Random, s: Sizes) -> int:
    return r.randint(1, s.orders)


def _account(r: random.Random, s: Sizes) -> int:
    return r.randint(1, s.users * 3)


def _order_of_user(r: random.Random, s: Sizes) -> tuple[int, str]:
    g = _order(r, s)
    return 1 + (g * 7919) % s.users, f"c{g}"


def _window(r: random.Random, s: Sizes) -> tuple[int, datetime, datetime]:
    start = datetime.now(timezone.utc) - timedelta(days=r.uniform(1, 25))
    return _instrument(r, s), start, start + timedelta(hours=2)


READS = (
    Template("user_open_orders", 120,
             "SELECT id, instrument_id, side, price, qty, filled_qty FROM orders "
             "WHERE user_id = %s AND status IN ('new', 'partial') ORDER BY placed_at DESC",
             lambda r, s: (_user(r, s),)),
    Template("order_by_id", 100, "SELECT * FROM orders WHERE id = %s", lambda r, s: (_order(r, s),)),
    Template("order_by_client_id", 40,
             "SELECT id, status, filled_qty FROM orders WHERE user_id = %s AND client_order_id = %s", _order_of_user),
    Template("order_book_bids", 80,
             "SELECT price, sum(qty - filled_qty) AS depth FROM orders WHERE instrument_id = %s AND side = 'B' "
             "AND status IN ('new', 'partial') GROUP BY price ORDER BY price DESC LIMIT 20",
             lambda r, s: (_instrument(r, s),)),
    Template("order_book_asks", 80,
             "SELECT price, sum(qty - filled_qty) AS depth FROM orders WHERE instrument_id = %s AND side = 'S' "
             "AND status IN ('new', 'partial') GROUP BY price ORDER BY price LIMIT 20",
             lambda r, s: (_instrument(r, s),)),
    Template("fills_of_order", 60,
             "SELECT id, price, qty, executed_at FROM trades WHERE taker_order_id = %s OR maker_order_id = %s",
             lambda r, s: (_order(r, s),) * 2),
    Template("recent_trades", 150,
             "SELECT id, price, qty, executed_at FROM trades WHERE instrument_id = %s "
             "ORDER BY executed_at DESC LIMIT 50",
             lambda r, s: (_instrument(r, s),)),
    Template("user_trades_7d", 40,
             "SELECT t.id, t.price, t.qty, t.executed_at FROM trades t JOIN orders o ON o.id = t.taker_order_id "
             "WHERE o.user_id = %s AND t.executed_at >= now() - interval '7 days'",
             lambda r, s: (_user(r, s),)),
    Template("user_order_history", 50,
             "SELECT id, instrument_id, status, placed_at FROM orders WHERE user_id = %s "
             "ORDER BY placed_at DESC LIMIT 100",
             lambda r, s: (_user(r, s),)),
    Template("volume_24h", 30,
             "SELECT sum(qty) AS volume, count(*) AS trades FROM trades WHERE instrument_id = %s "
             "AND executed_at >= now() - interval '24 hours'",
             lambda r, s: (_instrument(r, s),)),
    Template("last_price", 100,
             "SELECT price FROM trades WHERE instrument_id = %s ORDER BY id DESC LIMIT 1",
             lambda r, s: (_instrument(r, s),)),
    Template("candles_6h", 100,
             "SELECT bucket, open, high, low, close, volume FROM candles_1m WHERE instrument_id = %s "
             "AND bucket >= now() - interval '6 hours' ORDER BY bucket",
             lambda r, s: (_instrument(r, s),)),
    Template("candles_hourly", 20,
             "SELECT date_trunc('hour', bucket) AS hour, max(high), min(low), sum(volume) FROM candles_1m "
             "WHERE instrument_id = %s AND bucket >= now() - interval '2 days' GROUP BY 1 ORDER BY 1",
             lambda r, s: (_instrument(r, s),)),
    Template("account_balance", 150,
             "SELECT balance, locked FROM accounts WHERE user_id = %s AND currency = %s",
             lambda r, s: (_user(r, s), r.choice(("USD", "BTC", "ETH")))),
    Template("user_accounts", 60, "SELECT currency, balance FROM accounts WHERE user_id = %s",
             lambda r, s: (_user(r, s),)),
    Template("ledger_recent", 60,
             "SELECT id, entry_type, amount, created_at FROM ledger_entries WHERE account_id = %s "
             "ORDER BY created_at DESC LIMIT 50",
             lambda r, s: (_account(r, s),)),
    Template("ledger_by_ref", 30,
             "SELECT account_id, amount FROM ledger_entries WHERE ref_id = %s AND entry_type = 'trade'",
             lambda r, s: (r.randint(1, s.trades),)),
    Template("ledger_period_sums", 15,
             "SELECT entry_type, sum(amount) FROM ledger_entries WHERE account_id = %s "
             "AND created_at >= now() - interval '30 days' GROUP BY entry_type",
             lambda r, s: (_account(r, s),)),
    Template("user_by_email", 40, "SELECT id, tier FROM users WHERE lower(email) = lower(%s)",
             lambda r, s: (f"User{_user(r, s)}@Example.com",)),
    Template("pending_transfers", 20,
             "SELECT id, account_from, amount FROM transfers WHERE status = 'pending' ORDER BY created_at LIMIT 100",
             lambda r, s: ()),
    Template("transfers_of_account", 20,
             "SELECT id, amount, status FROM transfers WHERE account_from = %s OR account_to = %s "
             "ORDER BY created_at DESC LIMIT 20",
             lambda r, s: (_account(r, s),) * 2),
    Template("kyc_queue", 10,
             "SELECT id, user_id, submitted_at FROM kyc_reviews WHERE state = 'pending' ORDER BY submitted_at LIMIT 50",
             lambda r, s: ()),
    Template("kyc_of_user", 30,
             "SELECT state FROM kyc_reviews WHERE user_id = %s ORDER BY submitted_at DESC LIMIT 1",
             lambda r, s: (_user(r, s),)),
    Template("session_lookup", 200, "SELECT user_id, expires_at FROM api_sessions WHERE token = %s",
             lambda r, s: (hashlib.md5(str(r.randint(1, s.sessions)).encode()).hexdigest(),)),
    Template("alerts_to_fire", 40,
             "SELECT id, user_id, target FROM price_alerts WHERE instrument_id = %s AND NOT triggered "
             "AND direction = 'above' AND target <= %s",
             lambda r, s: (_instrument(r, s), r.randint(100, 1000))),
    Template("user_alerts", 15, "SELECT id, instrument_id, target FROM price_alerts WHERE user_id = %s",
             lambda r, s: (_user(r, s),)),
    Template("active_instruments", 20, "SELECT id, base, quote FROM instruments WHERE active", lambda r, s: ()),
    Template("top_takers_1h", 5,
             "SELECT o.user_id, sum(t.qty * t.price) AS notional FROM trades t "
             "JOIN orders o ON o.id = t.taker_order_id WHERE t.executed_at >= now() - interval '1 hour' "
             "GROUP BY o.user_id ORDER BY 2 DESC LIMIT 10",
             lambda r, s: ()),
    Template("user_maker_fills", 20,
             "SELECT t.id, t.qty, t.executed_at FROM trades t JOIN orders o ON o.id = t.maker_order_id "
             "WHERE o.user_id = %s ORDER BY t.executed_at DESC LIMIT 20",
             lambda r, s: (_user(r, s),)),
    Template("order_counts_by_status", 15, "SELECT status, count(*) FROM orders WHERE user_id = %s GROUP BY status",
             lambda r, s: (_user(r, s),)),
    Template("stale_open_orders", 5,
             "SELECT id FROM orders WHERE status = 'new' AND placed_at < now() - interval '1 day' LIMIT 500",
             lambda r, s: ()),
    Template("trade_by_id", 50, "SELECT * FROM trades WHERE id = %s", lambda r, s: (r.randint(1, s.trades),)),
    Template("daily_fees", 1,
             "SELECT date_trunc('day', executed_at) AS day, sum(fee) FROM trades "
             "WHERE executed_at >= now() - interval '7 days' GROUP BY 1 ORDER BY 1",
             lambda r, s: ()),
    Template("new_users_by_country", 10,
             "SELECT id, email FROM users WHERE country = %s AND created_at >= now() - interval '30 days' "
             "ORDER BY created_at DESC LIMIT 50",
             lambda r, s: (r.choice(("US", "DE", "SG", "BR", "JP", "GB")),)),
    Template("trades_window", 20,
             "SELECT id, price, qty FROM trades WHERE instrument_id = %s AND executed_at BETWEEN %s AND %s "
             "ORDER BY executed_at",
             _window),
)  # fmt: skip

WRITES = (
    Template("place_order", 60,
             "INSERT INTO orders (user_id, instrument_id, side, type, status, price, qty, filled_qty, "
             "client_order_id, placed_at, updated_at) VALUES (%s, %s, %s, 'limit', 'new', %s, %s, 0, %s, now(), now())",
             lambda r, s: (_user(r, s), _instrument(r, s), r.choice("BS"), r.randint(100, 1000), r.randint(1, 10),
                           f"n{r.randint(1, 10**9)}"),
             writes=True),
    Template("fill_order", 60,
             "UPDATE orders SET filled_qty = least(qty, filled_qty + %s), "
             "status = CASE WHEN filled_qty + %s >= qty THEN 'filled' ELSE 'partial' END, updated_at = now() "
             "WHERE id = %s",
             lambda r, s: (1, 1, _order(r, s)), writes=True),
    Template("cancel_order", 30,
             "UPDATE orders SET status = 'cancelled', updated_at = now() "
             "WHERE id = %s AND status IN ('new', 'partial')",
             lambda r, s: (_order(r, s),), writes=True),
    Template("record_trade", 60,
             "INSERT INTO trades (instrument_id, taker_order_id, maker_order_id, price, qty, fee, executed_at) "
             "VALUES (%s, %s, %s, %s, %s, 0.01, now())",
             lambda r, s: (_instrument(r, s), _order(r, s), _order(r, s), r.randint(100, 1000), r.randint(1, 7)),
             writes=True),
    Template("post_ledger_entry", 80,
             "INSERT INTO ledger_entries (account_id, entry_type, amount, balance_after, ref_id, created_at) "
             "VALUES (%s, 'trade', %s, %s, %s, now())",
             lambda r, s: (_account(r, s), r.randint(-1000, 1000), r.randint(0, 100000), r.randint(1, s.trades)),
             writes=True),
    Template("update_balance", 80,
             "UPDATE accounts SET balance = balance + %s, updated_at = now() WHERE id = %s",
             lambda r, s: (r.randint(-100, 100), _account(r, s)), writes=True),
    Template("upsert_candle", 30,
             "INSERT INTO candles_1m AS c (instrument_id, bucket, open, high, low, close, volume) "
             "VALUES (%s, date_trunc('minute', now()), %s, %s, %s, %s, %s) ON CONFLICT (instrument_id, bucket) "
             "DO UPDATE SET high = greatest(c.high, EXCLUDED.high), low = least(c.low, EXCLUDED.low), "
             "close = EXCLUDED.close, volume = c.volume + EXCLUDED.volume",
             lambda r, s: (_instrument(r, s), 100, 101, 99, 100, r.randint(1, 10)), writes=True),
)  # fmt: skip

TEMPLATES = READS + WRITES


def executions(template: Template, count: int, seed: int, sizes: Sizes) -> list[tuple]:
    """``count`` parameter tuples for the template, the same for every configuration."""
    rng = random.Random(f"{seed}:{template.name}")
    return [template.params(rng, sizes) for _ in range(count)]


def mix(count: int, seed: int, sizes: Sizes) -> list[tuple[Template, tuple]]:
    """``count`` statements drawn by weight, as the application would send them."""
    rng = random.Random(seed)
    weights = [t.weight for t in TEMPLATES]
    return [(t, t.params(rng, sizes)) for t in rng.choices(TEMPLATES, weights, k=count)]
