"""BAUANTRAG_DATABASE_URL keeps every option it carries (sslmode was silently dropped before django-environ)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bauantrag.settings.database import database


def test_postgres_options_in_the_url_reach_the_driver() -> None:
    config = database("postgres://bau:p%40ss@db.kreis-unna.de:5433/bauantrag?sslmode=require&connect_timeout=5",
                      Path("/srv/bauantrag"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "bauantrag", "bau", "p@ss", "db.kreis-unna.de", "5433")
    assert config["OPTIONS"] == {"sslmode": "require", "connect_timeout": 5}
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (60, True)


def test_sqlite_without_a_path_is_the_file_in_the_data_directory() -> None:
    config = database("sqlite://", Path("/srv/bauantrag"))
    assert config["NAME"] == "/srv/bauantrag/db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database("sqlite:////var/lib/bau.sqlite3", Path("/srv"))["NAME"] == "/var/lib/bau.sqlite3"


def test_an_unknown_scheme_is_refused_with_its_name() -> None:
    with pytest.raises(ValueError, match="'mysql'"):
        database("mysql://db/bauantrag", Path("/srv"))
