# x86-64 code generator: the engine objects now need capstone (-d out_asm).
$(BUILD)/tests/unit/engine-tests: LDFLAGS += -lcapstone
