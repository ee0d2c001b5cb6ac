"""The load of one page for `make bench-load` (bench/load/run.py starts locust headless with this file).

BENCH_LOAD_PAGE names a JSON file: {"name": label, "paths": [addresses], "cookie": "sessionid=…"}. Every simulated
client requests a random address of the list again and again without pause (a closed loop); any answer but 200 is
an error."""

import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, constant, task

PAGE = json.loads(Path(os.environ["BENCH_LOAD_PAGE"]).read_text(encoding="utf-8"))


class Client(FastHttpUser):
    wait_time = constant(0)

    @task
    def page(self) -> None:
        self.client.get(random.choice(PAGE["paths"]), name=PAGE["name"], headers={"Cookie": PAGE["cookie"]})
