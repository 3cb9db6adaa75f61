"""Copy a whole hiplog database into a new one (a SQLite file or an empty PostgreSQL database),
table by table from the ORM metadata in foreign-key order, ids and all, in one transaction.

Generic on purpose: a table added to orm.py (athletes, ...) is copied without a change here.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, func, inspect, select, text

from hiplog.storage.orm import AthleteRow, Base

BATCH = 5_000


def copy_rows(source: Engine, destination: Connection) -> dict[str, int]:
    """Copy every row of every hiplog table from `source` into `destination`'s open
    transaction (its tables exist and are empty); returns the rows copied per table."""
    copied: dict[str, int] = {}
    # A new database starts with one athlete ("Me", holding nothing: every other table is
    # empty); the source's athletes take its place, ids and all.
    destination.execute(delete(AthleteRow))
    if source.dialect.name == "postgresql":
        # One snapshot of every table, however many clients write meanwhile.
        source = source.execution_options(isolation_level="REPEATABLE READ")
    with source.connect() as reading, reading.begin():
        for table in Base.metadata.sorted_tables:
            key = list(table.primary_key.columns)
            result = reading.execute(select(table).order_by(*key)).mappings()
            count = 0
            while batch := result.fetchmany(BATCH):
                destination.execute(table.insert(), [dict(row) for row in batch])
                count += len(batch)
            copied[table.name] = count
    if destination.dialect.name == "postgresql":
        _advance_sequences(destination)
    return copied


def _advance_sequences(connection: Connection) -> None:
    """Rows copied with their ids leave each id sequence behind: move it past the largest id,
    so the next row a client adds gets a new one."""
    for table in Base.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not key[0].autoincrement or key[0].type.python_type is not int:
            continue
        largest = connection.execute(select(func.max(key[0]))).scalar()
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, :column), :value, :called)"),
            {
                "table": table.name,
                "column": key[0].name,
                "value": largest or 1,
                "called": largest is not None,
            },
        )


def tables_with_rows(engine: Engine) -> list[str]:
    """The hiplog tables that hold any row (a copy goes only into a database without any),
    apart from the one athlete every new database starts with."""
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        return [
            table.name
            for table in Base.metadata.sorted_tables
            if table.name in present
            and table.name != AthleteRow.__tablename__
            and connection.execute(select(table).limit(1)).first() is not None
        ]


def empty_the_schema(engine: Engine) -> None:
    """Drop hiplog's tables and the schema version from a database this copy created (a failed
    copy leaves an empty database behind, as it found it)."""
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
