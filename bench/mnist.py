#!/usr/bin/env python3
"""PyTorch 1.13 reference for Lectern's MNIST benchmarks (MlpBenchmark, CnnBenchmark).

Trains one epoch of the same model the Java benchmark trains, with the same data, batch size and optimiser, and prints
the best of the repeats. The data is read from the original IDX files into one tensor and sliced per batch, as the
plugins do; the timed loop is forward, loss, backward and the optimiser step.

  mlp: 784-256-10, ReLU, softmax cross-entropy, Adam 1e-3, batch 100
  cnn: conv 3x3 32 (same padding) - ReLU - maxpool 2 - conv 3x3 64 - ReLU - maxpool 2 - Linear 10, Adam 1e-3, batch 100

Usage: python3 bench/mnist.py --model mlp|cnn --data <folder with train-images-idx3-ubyte and train-labels-idx1-ubyte>
           [--batch 100] [--threads 2] [--repeats 2]
Prints "PYTORCH mnist-<model> seconds_per_epoch=<s> images_per_second=<n>".
"""
import argparse
import os
import time

import numpy as np
import torch
import torch.nn.functional as F


def idx(path, offset):
    with open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(folder):
    images = idx(os.path.join(folder, "train-images-idx3-ubyte"), 16).reshape(-1, 1, 28, 28)
    labels = idx(os.path.join(folder, "train-labels-idx1-ubyte"), 8)
    return torch.from_numpy(images.astype(np.float32) / 255.0), torch.from_numpy(labels.astype(np.int64))


def model(kind):
    if kind == "mlp":
        return torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2, ceil_mode=True),
        torch.nn.Conv2d(32, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2, ceil_mode=True),
        torch.nn.Flatten(), torch.nn.Linear(7 * 7 * 64, 10))


def epoch(net, optimizer, x, y, batch, generator):
    order = torch.randperm(len(x), generator=generator)
    start = time.perf_counter()
    for i in range(0, len(x), batch):
        index = order[i:i + batch]
        loss = F.cross_entropy(net(x[index]), y[index])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn"], required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    x, y = load(args.data)
    generator = torch.Generator().manual_seed(42)
    best = float("inf")
    for _ in range(args.repeats):
        net = model(args.model)
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        epoch(net, optimizer, x[:2000], y[:2000], args.batch, generator)  # warm-up, like the Java side
        best = min(best, epoch(net, optimizer, x, y, args.batch, generator))
    print("PYTORCH mnist-%s seconds_per_epoch=%.3f images_per_second=%.0f torch=%s threads=%d"
          % (args.model, best, len(x) / best, torch.__version__, args.threads))


if __name__ == "__main__":
    main()
