# FPA (NWFPE) and old-ABI (OABI) support: the helpers' build flags.

# The FPA arithmetic switches the host rounding mode and precision and
# reads the host exception flags: the compiler must not fold or move FP
# operations.
$(BUILD)/obj/src/target/arm/fpa_helpers.o: CFLAGS += -frounding-math -fsignaling-nans
