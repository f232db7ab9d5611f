"""The statements an exchange runs, as data: name, SQL with psycopg placeholders, weight, parameters.

Weights are relative frequencies. Parameters are drawn from a seeded ``random.Random`` with the same
skew as the data (whale users, hot markets, recent rows) and hit rows that exist, so plans and timings
are those of a live exchange. Writes are included so that every extra index has a price.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .loader import MARKETS, Sizes

ANCHOR = datetime(2026, 1, 1, tzinfo=timezone.utc)
TRADE_SPAN = timedelta(days=30)
OPEN_STATES = "('open', 'partially_filled')"
ASSETS = ("USDT", "BTC", "ETH")
DOMAINS = ("gmail.com", "proton.me", "yahoo.com", "outlook.com")

Params = Callable[[random.Random, Sizes], tuple]


@dataclass(frozen=True)
class Template:
    name: str
    sql: str
    weight: int
    params: Params
    writes: bool = False


def hash01(i: int) -> float:
    """generate.sql's pg_temp.hash01, bit for bit."""
    return (i * 2654435761) % 4294967296 / 4294967296.0


def order_user(order_id: int, sizes: Sizes) -> int:
    """generate.sql's pg_temp.order_user: who placed an order."""
    return 1 + int(sizes.users * hash01(order_id) ** 3)


def user(rng: random.Random, sizes: Sizes) -> int:
    return 1 + int(sizes.users * rng.random() ** 3)


def market(rng: random.Random) -> int:
    return 1 + int(MARKETS * rng.random() ** 4)


def recent_order(rng: random.Random, sizes: Sizes) -> int:
    """An order from the newest 3 %, where the open ones are."""
    return sizes.orders - int(0.03 * sizes.orders * rng.random())


def email(user_id: int) -> str:
    return f"{'User' if user_id % 7 == 0 else 'user'}{user_id}@{DOMAINS[user_id % 4]}"


def client_order_id(order_id: int) -> str:
    return "c" + hashlib.md5(str(order_id).encode()).hexdigest()[:16]


def amount(rng: random.Random) -> float:
    return round(rng.uniform(-500, 500), 6)


def _in_last(rng: random.Random, span: timedelta) -> datetime:
    return ANCHOR - span * rng.random()


def _hour_window(rng: random.Random, _: Sizes) -> tuple:
    start = _in_last(rng, TRADE_SPAN - timedelta(hours=1))
    return (start, start + timedelta(hours=1))


def _order_by_client_id(rng: random.Random, sizes: Sizes) -> tuple:
    order_id = 1 + int(sizes.orders * rng.random() ** 0.3)
    return (order_user(order_id, sizes), client_order_id(order_id))


def _fill(rng: random.Random, sizes: Sizes) -> tuple:
    qty = round(rng.uniform(0.001, 1), 8)
    return (qty, qty, recent_order(rng, sizes))


def _trade(rng: random.Random, sizes: Sizes) -> tuple:
    taker, maker = recent_order(rng, sizes), recent_order(rng, sizes)
    m = market(rng)
    return (
        m,
        taker,
        maker,
        order_user(taker, sizes),
        order_user(maker, sizes),
        rng.choice(("buy", "sell")),
        round(100 * m * rng.uniform(0.9, 1.1), 2),
        round(rng.uniform(0.001, 2), 8),
        round(rng.uniform(0, 0.0001), 8),
    )


def _candle(rng: random.Random, _: Sizes) -> tuple:
    m = market(rng)
    price = round(100 * m * rng.uniform(0.95, 1.05), 2)
    return (m, ANCHOR - timedelta(minutes=1), price, price, price, price, round(rng.uniform(0, 10), 8))


def _audit(rng: random.Random, sizes: Sizes) -> tuple:
    action = rng.choice(("login", "api_call", "password_change"))
    return (action, str(user(rng, sizes)), action)


def _pending_withdrawal(rng: random.Random, sizes: Sizes) -> tuple:
    return (sizes.withdrawals - int(0.005 * sizes.withdrawals * rng.random()),)


TEMPLATES: tuple[Template, ...] = (
    Template(
        "user_by_email",
        "SELECT user_id, status, kyc_level FROM users WHERE lower(email) = lower(%s)",
        30,
        lambda rng, s: (email(user(rng, s)).lower(),),
    ),
    Template(
        "user_profile",
        "SELECT user_id, email, country, kyc_level, status FROM users WHERE user_id = %s",
        40,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "account_balances",
        "SELECT asset, balance, hold FROM accounts WHERE user_id = %s",
        120,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "open_orders_by_user",
        "SELECT order_id, market_id, side, price, qty, filled_qty, created_at FROM orders "
        f"WHERE user_id = %s AND status IN {OPEN_STATES} ORDER BY created_at DESC",
        100,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "order_book",
        "SELECT price, sum(qty - filled_qty) AS depth FROM orders "
        f"WHERE market_id = %s AND side = %s AND status IN {OPEN_STATES} GROUP BY price ORDER BY price LIMIT 50",
        150,
        lambda rng, s: (market(rng), rng.choice(("buy", "sell"))),
    ),
    Template(
        "order_by_client_id",
        "SELECT order_id, status, filled_qty FROM orders WHERE user_id = %s AND client_order_id = %s",
        50,
        _order_by_client_id,
    ),
    Template(
        "order_history",
        "SELECT order_id, market_id, side, price, qty, status, created_at FROM orders "
        "WHERE user_id = %s ORDER BY created_at DESC LIMIT 50",
        40,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "order_by_id",
        "SELECT order_id, user_id, market_id, side, price, qty, filled_qty, status FROM orders WHERE order_id = %s",
        60,
        lambda rng, s: (recent_order(rng, s),),
    ),
    Template(
        "recent_trades",
        "SELECT trade_id, price, qty, taker_side, executed_at FROM trades "
        "WHERE market_id = %s ORDER BY executed_at DESC LIMIT 100",
        150,
        lambda rng, s: (market(rng),),
    ),
    Template(
        "user_trades",
        "SELECT trade_id, market_id, price, qty, fee, executed_at FROM trades "
        "WHERE taker_user_id = %s ORDER BY executed_at DESC LIMIT 50",
        30,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "order_fills",
        "SELECT trade_id, price, qty, fee, executed_at FROM trades WHERE taker_order_id = %s",
        40,
        lambda rng, s: (1 + int(s.orders * rng.random() ** 0.2),),
    ),
    Template(
        "market_volume_window",
        "SELECT market_id, count(*) AS trades, sum(price * qty) AS notional FROM trades "
        "WHERE executed_at >= %s AND executed_at < %s GROUP BY market_id",
        10,
        _hour_window,
    ),
    Template(
        "candles_chart",
        "SELECT bucket, open, high, low, close, volume FROM candles "
        "WHERE market_id = %s AND bucket >= %s AND bucket < %s ORDER BY bucket",
        80,
        lambda rng, s: (market(rng), ANCHOR - timedelta(hours=6), ANCHOR),
    ),
    Template(
        "ticker_24h",
        "SELECT market_id, max(high) AS high, min(low) AS low, sum(volume) AS volume FROM candles "
        "WHERE bucket >= %s GROUP BY market_id",
        20,
        lambda rng, s: (ANCHOR - timedelta(hours=24, minutes=rng.randrange(60)),),
    ),
    Template(
        "ledger_by_account",
        "SELECT entry_id, kind, amount, balance_after, created_at FROM ledger_entries "
        "WHERE account_id = %s ORDER BY created_at DESC LIMIT 50",
        40,
        lambda rng, s: (3 * (user(rng, s) - 1) + rng.randrange(1, 4),),
    ),
    Template(
        "deposit_by_tx_hash",
        "SELECT deposit_id, user_id, status, confirmations FROM deposits WHERE tx_hash = %s",
        30,
        lambda rng, s: (_tx_hash(1 + int(s.deposits * rng.random() ** 0.1)),),
    ),
    Template(
        "user_deposits",
        "SELECT deposit_id, asset, amount, status, created_at FROM deposits "
        "WHERE user_id = %s ORDER BY created_at DESC LIMIT 20",
        15,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "pending_withdrawals",
        "SELECT withdrawal_id, user_id, asset, amount, requested_at FROM withdrawals "
        "WHERE status = 'pending_review' ORDER BY requested_at LIMIT 100",
        10,
        lambda rng, s: (),
    ),
    Template(
        "user_withdrawals",
        "SELECT withdrawal_id, asset, amount, status, requested_at FROM withdrawals "
        "WHERE user_id = %s ORDER BY requested_at DESC LIMIT 20",
        15,
        lambda rng, s: (user(rng, s),),
    ),
    Template(
        "api_key_auth",
        "SELECT user_id, permissions FROM api_keys WHERE key_prefix = %s AND revoked_at IS NULL",
        200,
        lambda rng, s: (hashlib.md5(f"k{1 + int(s.api_keys * rng.random())}".encode()).hexdigest()[:12],),
    ),
    Template(
        "audit_by_user",
        "SELECT audit_id, action, created_at FROM audit_log "
        "WHERE payload ->> 'user_id' = %s ORDER BY created_at DESC LIMIT 20",
        10,
        lambda rng, s: (str(user(rng, s)),),
    ),
    Template(
        "volume_by_market_report",
        "SELECT m.symbol, count(*) AS trades, sum(t.price * t.qty) AS notional "
        "FROM trades AS t JOIN markets AS m USING (market_id) GROUP BY m.symbol",
        1,
        lambda rng, s: (),
    ),
    Template(
        "active_markets",
        "SELECT market_id, symbol, tick_size FROM markets WHERE status = 'active' ORDER BY symbol",
        20,
        lambda rng, s: (),
    ),
    Template(
        "place_order",
        "INSERT INTO orders (user_id, market_id, client_order_id, side, order_type, price, qty, filled_qty, status, "
        "created_at, updated_at) VALUES (%s, %s, %s, %s, 'limit', %s, %s, 0, 'open', now(), now()) RETURNING order_id",
        60,
        lambda rng, s: (
            user(rng, s),
            market(rng),
            f"n{rng.getrandbits(60):015x}",
            rng.choice(("buy", "sell")),
            round(rng.uniform(1, 6000), 2),
            round(rng.uniform(0.001, 5), 8),
        ),
        writes=True,
    ),
    Template(
        "cancel_order",
        f"UPDATE orders SET status = 'cancelled', updated_at = now() WHERE order_id = %s AND status IN {OPEN_STATES}",
        30,
        lambda rng, s: (recent_order(rng, s),),
        writes=True,
    ),
    Template(
        "fill_order",
        "UPDATE orders SET filled_qty = least(qty, filled_qty + %s), "
        "status = CASE WHEN filled_qty + %s >= qty THEN 'filled' ELSE 'partially_filled' END, updated_at = now() "
        f"WHERE order_id = %s AND status IN {OPEN_STATES}",
        40,
        _fill,
        writes=True,
    ),
    Template(
        "record_trade",
        "INSERT INTO trades (market_id, taker_order_id, maker_order_id, taker_user_id, maker_user_id, taker_side, "
        "price, qty, fee, executed_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, now())",
        40,
        _trade,
        writes=True,
    ),
    Template(
        "post_ledger_entry",
        "INSERT INTO ledger_entries (account_id, kind, amount, balance_after, reference_id, created_at) "
        "VALUES (%s, 'trade', %s, %s, %s, now())",
        60,
        lambda rng, s: (3 * (user(rng, s) - 1) + 1, amount(rng), abs(amount(rng)), rng.randrange(1, s.trades)),
        writes=True,
    ),
    Template(
        "update_balance",
        "UPDATE accounts SET balance = balance + %s, updated_at = now() WHERE user_id = %s AND asset = %s",
        60,
        lambda rng, s: (amount(rng), user(rng, s), rng.choice(ASSETS)),
        writes=True,
    ),
    Template(
        "upsert_candle",
        "INSERT INTO candles (market_id, bucket, open, high, low, close, volume, trade_count) "
        "VALUES (%s, date_trunc('minute', %s::timestamptz), %s, %s, %s, %s, %s, 1) "
        "ON CONFLICT (market_id, bucket) DO UPDATE SET high = greatest(candles.high, excluded.high), "
        "low = least(candles.low, excluded.low), close = excluded.close, volume = candles.volume + excluded.volume, "
        "trade_count = candles.trade_count + 1",
        30,
        _candle,
        writes=True,
    ),
    Template(
        "review_withdrawal",
        "UPDATE withdrawals SET status = 'approved', reviewed_at = now() "
        "WHERE withdrawal_id = %s AND status = 'pending_review'",
        5,
        _pending_withdrawal,
        writes=True,
    ),
    Template(
        "write_audit",
        "INSERT INTO audit_log (action, payload, created_at) "
        "VALUES (%s, jsonb_build_object('user_id', %s::text, 'action', %s::text), now())",
        40,
        _audit,
        writes=True,
    ),
    Template(
        "signup",
        "INSERT INTO users (email, country, kyc_level, status, created_at) VALUES (%s, %s, 0, 'active', now())",
        3,
        lambda rng, s: (f"new{rng.getrandbits(48):012x}@example.com", rng.choice(("US", "DE", "SG"))),
        writes=True,
    ),
    Template(
        "trades_retention",
        "DELETE FROM trades WHERE executed_at < %s",
        1,
        lambda rng, s: (ANCHOR - TRADE_SPAN + timedelta(minutes=rng.randrange(1, 30)),),
        writes=True,
    ),
)


def _tx_hash(deposit_id: int) -> str:
    digest = hashlib.md5(f"d{deposit_id}".encode()).hexdigest() + hashlib.md5(f"t{deposit_id}".encode()).hexdigest()
    return "0x" + digest
