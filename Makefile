# kemu build.  `make` builds build/kemu and its per-target links;
# `make check` runs every test suite; `make demo` runs the bundled example.
# Both install the Debian packages they need (scripts/install-deps.sh).

CC       ?= gcc
BUILD    := build
CFLAGS   ?= -O2 -g
override CFLAGS += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
            -Wno-missing-field-initializers -Isrc -MMD -MP -pthread
override LDFLAGS += -pthread
LDLIBS   := -lcapstone -ljansson -lm

SRCS     := $(shell find src -name '*.c' | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/obj/%.o)

# Names kemu answers to: kemu-ARCH runs Linux programs (user mode),
# kemu-system-ARCH emulates a machine.
USER_ARCHES   := arm mips mipsel mips64 mips64el
SYSTEM_ARCHES := i386 x86_64 arm mips mipsel mips64 mips64el ppc sparc \
                 sparc64 xtensa xtensaeb
LINKS := $(USER_ARCHES:%=$(BUILD)/kemu-%) $(SYSTEM_ARCHES:%=$(BUILD)/kemu-system-%)

# Suites add themselves to CHECK_TARGETS from mk/*.mk.
CHECK_TARGETS :=
TEST_RESULTS  := $(BUILD)/test-results

.PHONY: all deps test-deps check demo clean asan
all: $(BUILD)/kemu $(LINKS)

deps: $(BUILD)/.deps-build
$(BUILD)/.deps-build: scripts/install-deps.sh
	@mkdir -p $(BUILD)
	scripts/install-deps.sh build
	@touch $@

test-deps: $(BUILD)/.deps-test
$(BUILD)/.deps-test: scripts/install-deps.sh
	@mkdir -p $(BUILD)
	scripts/install-deps.sh test
	@touch $@

$(BUILD)/obj/%.o: %.c | $(BUILD)/.deps-build
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/kemu: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(LINKS): | $(BUILD)/kemu
	ln -sf kemu $@

include $(wildcard mk/*.mk)

# Every suite runs even when an earlier one fails; the summary decides.
check: all
	@rm -rf $(TEST_RESULTS); mkdir -p $(TEST_RESULTS)
	@status=0; for t in $(CHECK_TARGETS); do \
	    $(MAKE) --no-print-directory $$t || status=1; done; \
	scripts/test-summary.sh $(TEST_RESULTS) && exit $$status

demo: all $(BUILD)/examples/hello-arm
	$(BUILD)/kemu-arm $(BUILD)/examples/hello-arm kemu

$(BUILD)/examples/hello-arm: examples/hello.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	arm-linux-gnueabi-gcc -O2 -static -o $@ $<

asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined -pthread"

clean:
	rm -rf $(BUILD) build-asan

-include $(OBJS:.o=.d)
