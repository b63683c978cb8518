#!/usr/bin/env python3
"""PyTorch 1.13 reference for Lectern's XOR benchmark (MlpBenchmark): the MLP plugin's XOR defaults, a 2-4-2 network
with sigmoid hidden units and a softmax output, Xavier initialisation, Adam 0.1, on the full batch of the four rows,
10 000 steps. Prints the best of the repeats as "PYTORCH xor seconds=<s> iterations_per_second=<n>".

Usage: python3 bench/xor.py [--steps 10000] [--threads 2] [--repeats 3]
"""
import argparse
import time

import torch
import torch.nn.functional as F


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = torch.tensor([0, 1, 1, 0])
    best = float("inf")
    for _ in range(args.repeats):
        net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 2))
        for layer in (net[0], net[2]):
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
        optimizer = torch.optim.Adam(net.parameters(), lr=0.1)
        start = time.perf_counter()
        for _ in range(args.steps):
            loss = F.cross_entropy(net(x), y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        best = min(best, time.perf_counter() - start)
    print("PYTORCH xor seconds=%.3f iterations_per_second=%.0f torch=%s threads=%d"
          % (best, args.steps / best, torch.__version__, args.threads))


if __name__ == "__main__":
    main()
