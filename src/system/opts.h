/*
 * QEMU-style "key=value,..." option lists.  The first element may omit its
 * key (the "implied" key: -M none, -smp 2, -chardev socket,...); a bare
 * "flag" means flag=on and "noflag" flag=off; ",," is a literal comma.
 */
#ifndef KEMU_SYSTEM_OPTS_H
#define KEMU_SYSTEM_OPTS_H

#include <stdbool.h>
#include <stdint.h>

struct opt_kv {
    char *key;
    char *val;
    bool used;
};

struct opts {
    struct opt_kv *kv;
    int n;
};

/* Parse str; implied is the key of a first element without '='
 * (NULL: a bare first element is a flag).  Never fails. */
struct opts *opts_parse(const char *str, const char *implied);
void opts_free(struct opts *o);

/* Last value given for key (marks it used), or NULL. */
const char *opts_get(struct opts *o, const char *key);

/* Boolean value: on/off yes/no true/false; *ok=false on anything else. */
bool opts_get_bool(struct opts *o, const char *key, bool dflt, bool *ok);

/* First key never looked at, or NULL: the caller reports it. */
const char *opts_unused(struct opts *o);

/* "128", "128M", "2G", "4096k": size in bytes, default unit def_shift
 * (20 for MiB).  False on junk or overflow. */
bool opts_parse_size(const char *s, int def_shift, uint64_t *out);

#endif
