#!/usr/bin/env python3
"""PyTorch reference for the Lectern LSTM forecaster benchmark (plugins/lstm-forecaster).

Trains the same model as the plugin's defaults on data-02-stock_daily.csv and prints iterations per second:
rows reversed to oldest first, first int(0.7 n) rows for training, MinMax scaling with the training rows' min and
max (+1e-7), windows of 7 days x 5 columns predicting the next Close, the last 15 % of the training windows held out
for validation (scored every 10 iterations, as the plugin does), LSTM(5 -> 10, 1 layer) + Linear(10 -> 1), MSE,
Adam(lr 0.01), 500 full-batch iterations, PyTorch's default initialisation, 2 intra-op threads.

Usage: python3 bench/lstm_stock.py --data <dir or csv> [--iterations 500] [--repeats 2] [--threads 2]
Prints one line starting with "PYTORCH lstm-forecaster" with the best of the timed repeats.
"""
import argparse
import os
import time

import numpy as np
import torch

WINDOW = 7
HIDDEN = 10


def load(path):
    if os.path.isdir(path):
        path = os.path.join(path, "data-02-stock_daily.csv")
    return np.loadtxt(path, delimiter=",")[::-1]


def windows(part):
    x = np.array([part[i:i + WINDOW, :] for i in range(len(part) - WINDOW)], dtype=np.float32)
    y = np.array([[part[i + WINDOW, -1]] for i in range(len(part) - WINDOW)], dtype=np.float32)
    return torch.from_numpy(x), torch.from_numpy(y)


class Net(torch.nn.Module):
    def __init__(self, features):
        super().__init__()
        self.lstm = torch.nn.LSTM(features, HIDDEN, num_layers=1, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])


def train(x, y, vx, vy, iterations, seed):
    torch.manual_seed(seed)
    net = Net(x.shape[2])
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    first = last = float("nan")
    start = time.perf_counter()
    for step in range(iterations):
        opt.zero_grad(set_to_none=True)
        loss = torch.nn.functional.mse_loss(net(x), y)
        loss.backward()
        opt.step()
        last = loss.item()
        if step == 0:
            first = last
        if step % 10 == 0 or step == iterations - 1:
            with torch.no_grad():
                torch.sqrt(torch.mean((net(vx) - vy) ** 2)).item()
    return time.perf_counter() - start, first, last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "datasets"))
    ap.add_argument("--iterations", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    xy = load(args.data)
    n = int(len(xy) * 0.7)
    lo, hi = xy[:n].min(0), xy[:n].max(0)
    scaled = (xy[:n] - lo) / (hi - lo + 1e-7)
    x, y = windows(scaled)
    held = int(round(len(y) * 0.15))
    x, y, vx, vy = x[:-held], y[:-held], x[-held:], y[-held:]
    train(x, y, vx, vy, 20, 0)  # warm-up: allocator and thread pool
    runs = [train(x, y, vx, vy, args.iterations, 42 + r) for r in range(args.repeats)]
    best = min(runs)
    print("PYTORCH lstm-forecaster stock 7x5 h10: %.1f it/s (%d it in %.3f s; runs %s; torch %s, %d threads; loss %.6f -> %.6f)"
          % (args.iterations / best[0], args.iterations, best[0], ", ".join("%.3f" % r[0] for r in runs),
             torch.__version__, args.threads, best[1], best[2]))


if __name__ == "__main__":
    main()
