# CityKPI: the two commands of the README, and a few helpers.
#   make run    build what is missing, start PostgreSQL, Kafka and every service in the background,
#               and load the Liaoyuan 2025 demo on a fresh start
#   make test   every test: unit, @QuarkusTest against real Kafka and PostgreSQL, and the system test
SHELL := /bin/bash
MVN ?= mvn -B

.PHONY: run stop status logs test build clean help demo

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: ## Start the whole system (data and logs under .run/); prints the URLs when everything is ready
	@scripts/local-stack.sh start

demo: ## Start again from empty data and reload the Liaoyuan 2025 demo (make run loads it once by itself)
	@scripts/local-stack.sh demo

stop: ## Stop exactly what `make run` started
	@scripts/local-stack.sh stop

status: ## Show what `make run` started and whether it is ready
	@scripts/local-stack.sh status

logs: ## Follow the logs of everything `make run` started
	@tail -n 20 -F .run/logs/*.log

test: ## Run every test (mvn verify over the reactor)
	$(MVN) verify

build: ## Package every service without running tests
	$(MVN) -DskipTests package

clean: stop ## Stop, then delete build output and the local data under .run/
	$(MVN) -q clean
	rm -rf .run
