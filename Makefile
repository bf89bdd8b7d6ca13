# One entry point for people and CI. Every target sets up what it needs.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench fmt clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Export format:file extension.
EXPORTS := turtle:ttl nt:nt nq:nq trig:trig xml:rdf n3:n3 json-ld:jsonld

## Build the graph, validate it against the shapes, ask it a question, export it, its
## mapping sets and its VoID description.
run: $(STAMP)
	$(VENV)/bin/itukg validate
	$(VENV)/bin/itukg stats
	$(VENV)/bin/itukg query cross-group-people
	@mkdir -p build
	@for e in $(EXPORTS); do \
	  $(VENV)/bin/itukg export --format $${e%%:*} -o build/itukg.$${e##*:} || exit 1; \
	done
	$(VENV)/bin/itukg export --format sssom -o build/mappings/
	$(VENV)/bin/itukg void -o build/void.ttl
	@echo "wrote the graph in every format to build/: $$(ls build | tr '\n' ' ')"

## Lint, type-check and run the whole test suite.
test: $(STAMP) lint
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

## Whole-process timings, and itukg against raw pyoxigraph and rdflib + pyshacl on synthetic
## ITU-wide graphs (SIZES=10k,100k,1M by default; 5M on request); tables in bench/results/.
SIZES ?= 10k,100k,1M
bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/scale.py --sizes $(SIZES)

## Rewrite the Turtle files in their canonical form.
fmt: $(STAMP)
	$(PY) -m itukg.canonical --write
	$(PY) -m itukg.export --write-context

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
