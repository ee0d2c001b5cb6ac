.PHONY: run test bench serve lint eval-classifier eval-extraction eval-blind
run:   ## set up and run the demo on http://127.0.0.1:8000
	bash scripts/run.sh
test:  ## set up and run all tests
	bash scripts/test.sh
bench: ## benchmarks: pre-check time per example application
	bash scripts/bench.sh
serve: ## serve without setting up again
	bash scripts/serve.sh
eval-classifier: ## document classifier: synthetic and real documents side by side (set BAUANTRAG_REAL_DOCS)
	bash scripts/eval.sh classifier
eval-extraction: ## key-data extraction: precision and recall per field on the labelled set
	bash scripts/eval.sh extraction
eval-blind: ## classifier and extractor on the blind set of real documents (set BAUANTRAG_REAL_DOCS, texts in blind/; SET=blind2 for the second set)
	bash scripts/eval.sh blind $(if $(SET),--set $(SET))
