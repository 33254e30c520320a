/*
 * Integer and double matrix work: 64x64 integer multiply (checked by a
 * host-derived checksum and the trace identity tr(AB) = tr(BA)), Gaussian
 * elimination of a known system, and a determinant by hand.
 */
#include "check.h"

#define N 64
static int32_t A[N][N], B[N][N], C[N][N], D[N][N];

int main(void)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = (i * 7 + j * 3) % 19 - 9;
            B[i][j] = (i * 5 + j * 11) % 23 - 11;
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t s = 0, t = 0;
            for (int k = 0; k < N; k++) {
                s += A[i][k] * B[k][j];
                t += B[i][k] * A[k][j];
            }
            C[i][j] = s;
            D[i][j] = t;
        }
    int64_t trc = 0, trd = 0;
    uint32_t h = 0;
    for (int i = 0; i < N; i++) {
        trc += C[i][i];
        trd += D[i][i];
        for (int j = 0; j < N; j++)
            h = h * 33 + (uint32_t)C[i][j];
    }
    CHECK("tr(AB) == tr(BA)", (uint64_t)trc, (uint64_t)trd);
    EXPECT_HOST("checksum of AB", h);
    EXPECT_HOST("tr(AB)", (uint64_t)trc);

    /* 2x + y - z = 8, -3x - y + 2z = -11, -2x + y + 2z = -3 -> (2, 3, -1) */
    double m[3][4] = { { 2, 1, -1, 8 }, { -3, -1, 2, -11 }, { -2, 1, 2, -3 } };
    for (int c = 0; c < 3; c++) {
        int p = c;
        for (int r = c + 1; r < 3; r++)
            if ((m[r][c] < 0 ? -m[r][c] : m[r][c]) > (m[p][c] < 0 ? -m[p][c] : m[p][c]))
                p = r;
        for (int k = 0; k < 4; k++) { double t = m[c][k]; m[c][k] = m[p][k]; m[p][k] = t; }
        for (int r = 0; r < 3; r++)
            if (r != c) {
                double f = m[r][c] / m[c][c];
                for (int k = 0; k < 4; k++)
                    m[r][k] -= f * m[c][k];
            }
    }
    char sol[64];
    snprintf(sol, sizeof sol, "%.6f %.6f %.6f", m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]);
    CHECK_STR("gaussian elimination", sol, "2.000000 3.000000 -1.000000");
    int32_t M[3][3] = { { 6, 1, 1 }, { 4, -2, 5 }, { 2, 8, 7 } };
    int32_t det = M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1])
                - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
    CHECK("determinant", (uint32_t)det, (uint32_t)-306);
    return check_done("matrix");
}

HOST_EXPECT_TABLE = {
/* host-expect begin */
    0x9b5ab815ull, /* checksum of AB */
    0x433ull, /* tr(AB) */
/* host-expect end */
};
