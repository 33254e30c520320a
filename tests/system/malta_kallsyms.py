#!/usr/bin/python3
"""The symbols of a Debian MIPS Malta kernel, read from the kernel image
itself: Debian ships System.map only in the -dbg package, but the kernel
is built with CONFIG_KALLSYMS, so its own symbol table (the one behind
/proc/kallsyms) is inside the compressed vmlinux that vmlinuz carries.

    malta_kallsyms.py VMLINUZ [NAME...]   prints "ADDRESS TYPE NAME" lines

kallsyms(vmlinuz) unpacks the XZ or gzip payload of the vmlinuz ELF (the
image the decompressor copies to the kernel's link address) and decodes
the tables scripts/kallsyms.c lays out in .rodata, in this order, each
4-byte aligned on a 32-bit kernel:
  kallsyms_offsets[n] (u32), kallsyms_relative_base (u32),
  kallsyms_num_syms (u32), kallsyms_names (per symbol a length byte --
  two bytes, 7 bits each, when the first has bit 7 set -- then that many
  token numbers), kallsyms_markers[(n + 255) / 256] (u32 offsets into
  kallsyms_names of every 256th symbol), in kernels that have it
  kallsyms_seqs_of_names (3 bytes a symbol), kallsyms_token_table (256
  NUL-terminated strings), kallsyms_token_index[256] (u16 offsets of each
  token in the table).
With CONFIG_KALLSYMS_BASE_RELATIVE (and no absolute per-CPU symbols, as
on MIPS) a symbol's address is relative_base + offset.  The first
character of a symbol's expanded name is its type (T, t, D, ...).

The tables are found by their shape: byte-valued tokens keep their own
number, so the single-character tokens "0".."9" are consecutive strings
of the token table; kallsyms_token_index locates the table's start; the
markers begin with 0 and grow by a few KiB each, ending at the table
or 3 bytes a symbol before it; kallsyms_num_syms is
the word before a names array that ends exactly at the markers."""
import lzma
import struct
import sys
import zlib


def payload(vmlinuz):
    """The decompressed kernel image inside the vmlinuz file."""
    data = open(vmlinuz, "rb").read()
    for magic in (b"\xfd7zXZ\x00", b"\x1f\x8b\x08"):
        at = data.find(magic)
        while at >= 0:
            try:
                if magic[0] == 0xfd:
                    return lzma.LZMADecompressor().decompress(data[at:])
                return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[at:])
            except (lzma.LZMAError, zlib.error, EOFError):
                at = data.find(magic, at + 1)
    raise ValueError("%s: no XZ or gzip kernel payload found" % vmlinuz)


def _u32(img, off, endian):
    return struct.unpack_from(endian + "I", img, off)[0]


def _strings(img, start, count):
    """count NUL-terminated strings from start: (list, end offset)."""
    out, pos = [], start
    for _ in range(count):
        end = img.index(b"\0", pos)
        out.append(img[pos:end])
        pos = end + 1
    return out, pos


def _token_table(img, endian):
    digits = b"0\x001\x002\x003\x004\x005\x006\x007\x008\x009\x00"
    at = img.find(digits)
    while at >= 0:
        # Strings 0x30..0xff run from the "0" token to the table's end;
        # the u16 index follows, 4-byte aligned.
        try:
            _, end = _strings(img, at, 0x100 - 0x30)
        except ValueError:
            return None
        index_at = (end + 3) & ~3
        index = struct.unpack_from(endian + "256H", img, index_at)
        start = at - index[0x30]
        if index[0] == 0 and start >= 0:
            tokens, tend = _strings(img, start, 256)
            if (tend + 3) & ~3 == index_at and all(
                    index[i + 1] - index[i] == len(tokens[i]) + 1 for i in range(255)):
                return start, tokens
        at = img.find(digits, at + 1)
    return None


def _names(img, start, count, limit):
    """(start, end) of each of count names from start, or None if they
    overrun limit."""
    pos, spans = start, []
    for _ in range(count):
        if pos >= limit:
            return None
        n = img[pos]
        pos += 1
        if n & 0x80:
            n = (n & 0x7f) | (img[pos] << 7)
            pos += 1
        spans.append((pos, pos + n))
        pos += n
    return spans if pos <= limit else None


def _markers(img, table_at, endian):
    """(offset, count) of kallsyms_markers: 0, then ascending offsets 256
    names apart, ending at the token table or at the 3-byte-per-symbol
    kallsyms_seqs_of_names that newer kernels put before it."""
    u = lambda o: _u32(img, o, endian)
    for m in range(table_at - 4, max(0, table_at - (4 << 20)), -4):
        if u(m) or not 512 <= u(m + 4) <= 256 * 64:
            continue
        end, count = m + 4, 1
        while end < table_at and 0 < u(end) - u(end - 4) <= 256 * 64:
            end, count = end + 4, count + 1
        gap = table_at - end
        if count > 1 and (gap == 0 or 3 * 256 * (count - 1) < gap <= 3 * 256 * count + 3):
            return m, count
    return None


def kallsyms(vmlinuz, endian="<"):
    """{name: (address, type)} for every symbol of the kernel."""
    img = payload(vmlinuz)
    found = _token_table(img, endian)
    if not found:
        raise ValueError("%s: kallsyms token table not found" % vmlinuz)
    table_at, tokens = found
    got = _markers(img, table_at, endian)
    if not got:
        raise ValueError("%s: kallsyms_markers not found" % vmlinuz)
    markers_at, nmarkers = got
    # kallsyms_num_syms: the word before names that end at the markers.
    for q in range(markers_at - 8, max(0, markers_at - nmarkers * 256 * 64), -4):
        n = _u32(img, q, endian)
        if not (nmarkers - 1) * 256 < n <= nmarkers * 256:
            continue
        spans = _names(img, q + 4, n, markers_at)
        if not spans or (spans[-1][1] + 3) & ~3 != markers_at:
            continue
        base = _u32(img, q - 4, endian)
        offsets_at = q - 4 - 4 * n
        syms = {}
        for i, (s, e) in enumerate(spans):
            text = b"".join(tokens[t] for t in img[s:e]).decode("ascii", "replace")
            addr = (base + _u32(img, offsets_at + 4 * i, endian)) & 0xffffffff
            syms.setdefault(text[1:], (addr, text[0]))
        return syms
    raise ValueError("%s: kallsyms_num_syms not found" % vmlinuz)


def main():
    syms = kallsyms(sys.argv[1])
    names = sys.argv[2:] or sorted(syms, key=lambda k: syms[k][0])
    for name in names:
        if name in syms:
            print("%08x %s %s" % (syms[name][0], syms[name][1], name))
        else:
            print("%s: not found" % name, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
