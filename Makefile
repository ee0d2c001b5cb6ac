.PHONY: run test bench serve lint
run:   ## set up and run the demo on http://127.0.0.1:8000
	bash scripts/run.sh
test:  ## set up and run all tests
	bash scripts/test.sh
bench: ## benchmarks: pre-check time per example application
	bash scripts/bench.sh
serve: ## serve without setting up again
	bash scripts/serve.sh
