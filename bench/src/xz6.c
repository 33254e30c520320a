/* xz -6 of stdin to stdout with Debian's liblzma (the encoder xz uses). */
#include <lzma.h>
#include <stdio.h>

int main(void)
{
    static uint8_t in[1 << 16], out[1 << 16];
    lzma_stream s = LZMA_STREAM_INIT;
    if (lzma_easy_encoder(&s, 6, LZMA_CHECK_CRC64) != LZMA_OK)
        return 1;
    lzma_action act = LZMA_RUN;
    s.next_out = out;
    s.avail_out = sizeof(out);
    for (;;) {
        if (s.avail_in == 0 && act == LZMA_RUN) {
            s.next_in = in;
            s.avail_in = fread(in, 1, sizeof(in), stdin);
            if (s.avail_in == 0)
                act = LZMA_FINISH;
        }
        lzma_ret r = lzma_code(&s, act);
        if (s.avail_out == 0 || r == LZMA_STREAM_END) {
            fwrite(out, 1, sizeof(out) - s.avail_out, stdout);
            s.next_out = out;
            s.avail_out = sizeof(out);
        }
        if (r == LZMA_STREAM_END)
            break;
        if (r != LZMA_OK)
            return 1;
    }
    lzma_end(&s);
    return 0;
}
