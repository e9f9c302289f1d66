# Two commands on a fresh Debian machine with only python3:
#   make play   — create .venv, install, open the game
#   make test   — create .venv, install with test extras, run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: play test venv clean

$(BIN)/activate:
	$(PY) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run 'apt-get install -y python3-venv'"; exit 1; }
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

play: venv
	$(BIN)/b2bsim play $(ARGS)

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
