"""Peer implementation of the eoscheck GD benchmark: GD on the depth-D deep scalar network
L(w) = 1/2 (prod w - y)^2, with and without the sharpness (top Hessian eigenvalue) every step,
in float64 (numpy) and at 50 digits (mpmath). Prints one JSON object of steps per second of CPU
time (process_time, as the other peers, so other load on the machine counts less).
Usage: python3 gdDeepScalar.py D STEPS_F64 STEPS_F64_S STEPS_DEC STEPS_DEC_S"""
import json, sys, time
import numpy as np
import mpmath as mp

D, n1, n2, n3, n4 = (int(x) for x in sys.argv[1:6])
w0 = [1.0 + 0.01 * i for i in range(D)]
y, lr = 1.0, 0.001


def grad_f64(w):
    # prefix/suffix products: the same O(D) algorithm eoscheck uses
    pre = np.cumprod(np.concatenate(([1.0], w[:-1])))
    suf = np.cumprod(np.concatenate(([1.0], w[::-1][:-1])))[::-1]
    g = pre * suf
    return (np.prod(w) - y) * g, g


def hess_f64(w):
    g = grad_f64(w)[1]
    r = np.prod(w) - y
    H = np.outer(g, g)
    for i in range(D):
        for j in range(D):
            if i != j:
                m = np.ones(D, dtype=bool); m[i] = m[j] = False
                H[i, j] += r * np.prod(w[m])
    return H


def run_f64(steps, sharp):
    w = np.array(w0)
    t0 = time.process_time()
    for _ in range(steps):
        if sharp:
            np.linalg.eigvalsh(hess_f64(w))[-1]
        w = w - lr * grad_f64(w)[0]
    return steps / (time.process_time() - t0)


mp.mp.dps = 50


def run_dec(steps, sharp):
    w = [mp.mpf(x) for x in w0]
    Y, LR = mp.mpf(y), mp.mpf(lr)
    t0 = time.process_time()
    for _ in range(steps):
        p = mp.fprod(w)
        r = p - Y
        g = [mp.fprod(w[:i] + w[i + 1:]) for i in range(D)]
        if sharp:
            H = mp.matrix(D, D)
            for i in range(D):
                for j in range(D):
                    H[i, j] = g[i] * g[j] + (r * mp.fprod([w[k] for k in range(D) if k not in (i, j)]) if i != j else 0)
            max(mp.eigsy(H, eigvals_only=True))
        w = [w[i] - LR * r * g[i] for i in range(D)]
    return steps / (time.process_time() - t0)


print(json.dumps({"f64": run_f64(n1, False), "f64+S": run_f64(n2, True), "dec50": run_dec(n3, False), "dec50+S": run_dec(n4, True)}))
