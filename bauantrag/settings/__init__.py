"""Settings: `bauantrag.settings` is the embedded default (SQLite, local files; the demo and all scripts),
`bauantrag.settings.production` the installation behind a TLS proxy, `bauantrag.settings.test` pytest's.
All three read the same environment variables (bauantrag/settings/environment.py)."""

from bauantrag.settings.base import *  # noqa: F403
