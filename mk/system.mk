# System mode, QMP/HMP and the gdbstub: the pytest suite and the QMP fuzzer.
PYTEST      ?= /usr/bin/python3 -m pytest
FUZZ_TIME   ?= 30
FUZZ_QMP    := $(BUILD)/fuzz/fuzz-qmp

CHECK_TARGETS += check-qmp fuzz-qmp

.PHONY: check-qmp fuzz-qmp
check-qmp: all | $(BUILD)/.deps-test
	@mkdir -p $(TEST_RESULTS)
	@rm -f $(TEST_RESULTS)/check-qmp.txt
	KEMU_BUILD=$(abspath $(BUILD)) KEMU_RESULTS=$(abspath $(TEST_RESULTS))/check-qmp.txt \
	    $(PYTEST) -q -p no:cacheprovider tests/py

# The QMP input path (framer, parser, dispatch) under libFuzzer + ASan:
# the monitor, the machine/run-state/chardev core it drives and the
# utilities; not the engine, targets, user mode, gdbstub or the
# command-line and daemon code of system_main.
FUZZ_SYSTEM_SKIP := src/system/system_main.c src/system/options.c src/system/daemon.c
FUZZ_SRCS := tests/fuzz/fuzz_qmp.c $(wildcard src/monitor/*.c) \
             $(filter-out $(FUZZ_SYSTEM_SKIP),$(wildcard src/system/*.c)) \
             $(wildcard src/util/*.c)
$(FUZZ_QMP): $(FUZZ_SRCS) $(shell find src/monitor src/system src/util src/engine -name '*.h') | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	clang -O1 -g -std=gnu11 -Isrc -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=undefined -pthread $(FUZZ_SRCS) -o $@ $(LDLIBS)

fuzz-qmp: $(FUZZ_QMP)
	@mkdir -p $(TEST_RESULTS) $(BUILD)/fuzz/corpus
	@rm -f $(TEST_RESULTS)/fuzz-qmp.txt
	@if $(FUZZ_QMP) -max_total_time=$(FUZZ_TIME) -rss_limit_mb=1024 -timeout=10 \
	        -print_final_stats=0 -close_fd_mask=3 $(BUILD)/fuzz/corpus tests/fuzz/seeds \
	        > $(BUILD)/fuzz/fuzz-qmp.log 2>&1; then \
	    echo "PASS fuzz-qmp" >> $(TEST_RESULTS)/fuzz-qmp.txt; \
	else \
	    tail -40 $(BUILD)/fuzz/fuzz-qmp.log; \
	    echo "FAIL fuzz-qmp" >> $(TEST_RESULTS)/fuzz-qmp.txt; exit 1; \
	fi
