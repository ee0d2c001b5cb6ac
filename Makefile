.PHONY: run test bench bench-load bench-kills serve lint openapi lock audit eval-classifier eval-extraction eval-blind
run:   ## set up and run the demo on http://127.0.0.1:8000
	bash scripts/run.sh
test:  ## set up and run all tests
	bash scripts/test.sh
bench: ## benchmarks: pre-check time per example application
	bash scripts/bench.sh
bench-kills: ## fault benchmark: kill -9 the worker mid-task BAUANTRAG_FAULT_KILLS times (default 100), count what is lost
	bash bench/worker_kills.sh
serve: ## serve without setting up again
	bash scripts/serve.sh
eval-classifier: ## document classifier: synthetic and real documents side by side (set BAUANTRAG_REAL_DOCS)
	bash scripts/eval.sh classifier
eval-extraction: ## key-data extraction: precision and recall per field on the labelled set
	bash scripts/eval.sh extraction
eval-blind: ## classifier and extractor on the blind set of real documents (set BAUANTRAG_REAL_DOCS, texts in blind/; SET=blind2 or SET=blind3 for the later sets)
	bash scripts/eval.sh blind $(if $(SET),--set $(SET))
openapi: ## write the API schema the code serves to docs/api/openapi.yaml (a test compares the two)
	BAUANTRAG_DATABASE_URL=sqlite:// .venv/bin/python manage.py spectacular --validate --fail-on-warn --file docs/api/openapi.yaml
lock:  ## recompile requirements/*.in into hashed pins (keeps the pinned versions unless an .in file asks otherwise)
	.venv/bin/uv pip compile --quiet --python-version 3.11 --generate-hashes requirements/base.in -o requirements/base.txt
	.venv/bin/uv pip compile --quiet --python-version 3.11 --generate-hashes -c requirements/base.txt requirements/test.in -o requirements/test.txt
audit: ## known vulnerabilities of the pinned packages (pip-audit; skipped when no advisory service is reachable)
	.venv/bin/python scripts/audit_pins.py
bench-load: ## pages under load (gunicorn + locust, loopback): median/p95/p99, requests/s, errors at 1, 8, 16 clients; ARGS="--cases 100000 …"
	bash scripts/bench_load.sh $(ARGS)
