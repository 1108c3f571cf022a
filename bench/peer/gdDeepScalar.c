/* Peer implementation of the eoscheck f64 GD benchmark in C, the limit for a loop of this shape:
 * GD on the depth-D deep scalar network L(w) = 1/2 (prod w - y)^2 from w_i = 1 + i/100, y = 1,
 * eta = 0.001, with the runner's divergence test (every |w_i| <= 1e12, else stop) after each step.
 * The gradient is eoscheck's O(D) algorithm: prefix products left to right, suffix products right
 * to left, times the residual prod w - y; the same IEEE operations in the same order, so the final
 * iterate must equal eoscheck's bit for bit (the benchmark checks it).
 * Build: cc -O2 gdDeepScalar.c -o gdDeepScalar -lm
 * Usage: gdDeepScalar D STEPS REPS
 * Prints one JSON object: the best steps per second of CPU time over REPS runs, and w after STEPS. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAXD 64

static long run(int D, long steps, double *w) {
  double g[MAXD];
  const double lr = 0.001, y = 1.0, bound = 1e12;
  /* (100 + i) / 100 is correctly rounded: the double nearest the decimal 1.0i that eoscheck parses. */
  for (int i = 0; i < D; i++) w[i] = (100.0 + i) / 100.0;
  for (long k = 0; k < steps; k++) {
    double p = 1.0;
    for (int i = 0; i < D; i++) {
      g[i] = p;
      p *= w[i];
    }
    double s = 1.0;
    for (int i = D - 1; i >= 0; i--) {
      g[i] *= s;
      s *= w[i];
    }
    const double r = 1.0 * p - y;
    int ok = 1;
    for (int i = 0; i < D; i++) {
      const double x = w[i] - lr * (r * g[i]);
      w[i] = x;
      if (!(fabs(x) <= bound)) ok = 0;
    }
    if (!ok) return k + 1;
  }
  return steps;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: gdDeepScalar D STEPS REPS\n");
    return 2;
  }
  const int D = atoi(argv[1]);
  const long steps = atol(argv[2]);
  const int reps = atoi(argv[3]);
  if (D < 1 || D > MAXD || steps < 1 || reps < 1) {
    fprintf(stderr, "gdDeepScalar: need 1 <= D <= %d, STEPS >= 1, REPS >= 1\n", MAXD);
    return 2;
  }
  double w[MAXD];
  double best = 0.0;
  for (int r = 0; r < reps; r++) {
    const clock_t c0 = clock();
    const long done = run(D, steps, w);
    const double dt = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (dt > 0 && done / dt > best) best = done / dt; /* a run below the clock resolution tells nothing */
  }
  printf("{\"f64\": %.6e, \"w\": [", best);
  for (int i = 0; i < D; i++) printf("%s%.17g", i == 0 ? "" : ", ", w[i]);
  printf("]}\n");
  return 0;
}
