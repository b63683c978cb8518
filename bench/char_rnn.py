#!/usr/bin/env python3
"""PyTorch reference for the Lectern char-RNN benchmark (plugins/char-rnn, CharRnnBenchmark).

Trains the same model as the plugin's Tiny Shakespeare defaults and prints iterations per second: the text encoded
with its distinct characters (65), cut into BATCH streams read side by side, windows of SEQ characters with the
hidden state carried from window to window (detached: truncated BPTT), one-hot inputs, LSTM(65 -> HIDDEN = 128, 1 layer)
+ Linear(HIDDEN -> 65) on every time step, mean cross-entropy, gradient clipping by global norm 5, Adam(lr 0.005),
PyTorch's default initialisation, 2 intra-op threads. The timed loop is what the plugin times: forward, backward,
clipping and the optimizer step.

Usage: python3 bench/char_rnn.py --data <dir or input.txt> [--hidden 128] [--batch 32] [--seq 64]
           [--iterations 100] [--warmup 10] [--repeats 2] [--threads 2] [--cell lstm]
Prints one line starting with "PYTORCH char-rnn" with the best of the timed repeats.
"""
import argparse
import math
import os
import time

import torch
import torch.nn.functional as F


def load(path):
    if os.path.isdir(path):
        path = os.path.join(path, "tinyshakespeare", "input.txt")
    with open(path, encoding="utf-8") as f:
        return f.read()


def layout(text, batch, seq):
    """The plugin's CorpusWindows: [L, B] inputs and targets, column b = stream b."""
    vocab = {c: i for i, c in enumerate(dict.fromkeys(text))}
    codes = torch.tensor([vocab[c] for c in text], dtype=torch.long)
    pairs = len(codes) - 1
    seq = min(seq, pairs)
    streams = max(1, min(batch, pairs // seq))
    length = pairs // streams
    x = codes[: streams * length].view(streams, length).t().contiguous()
    y = codes[1: streams * length + 1].view(streams, length).t().contiguous()
    return x, y, len(vocab), streams, seq


class Net(torch.nn.Module):
    def __init__(self, cell, vocab, hidden):
        super().__init__()
        kind = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[cell]
        self.rnn = kind(vocab, hidden, num_layers=1)
        self.head = torch.nn.Linear(hidden, vocab)
        self.vocab = vocab

    def forward(self, x, state):
        out, state = self.rnn(F.one_hot(x, self.vocab).float(), state)
        return self.head(out.reshape(-1, out.shape[-1])), state


def detach(state):
    if state is None:
        return None
    return tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()


def run(args, x, y, vocab, iterations):
    torch.manual_seed(42)
    net = Net(args.cell, vocab, args.hidden)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    windows = (x.shape[0] + args.seq - 1) // args.seq
    state = None
    losses = []
    start = time.perf_counter()
    for step in range(iterations):
        w = step % windows
        if w == 0:
            state = None
        xb = x[w * args.seq:(w + 1) * args.seq]
        yb = y[w * args.seq:(w + 1) * args.seq]
        scores, state = net(xb, state)
        state = detach(state)
        loss = F.cross_entropy(scores, yb.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), args.clip)
        opt.step()
        losses.append(loss.item() if step + 1 == iterations else 0.0)
    seconds = time.perf_counter() - start
    return seconds, losses[-1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--cell", default="lstm")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seq", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.005)
    p.add_argument("--clip", type=float, default=5.0)
    p.add_argument("--iterations", type=int, default=100)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    x, y, vocab, streams, seq = layout(load(args.data), args.batch, args.seq)
    args.seq = seq
    run(args, x, y, vocab, args.warmup)
    best = math.inf
    loss = float("nan")
    for _ in range(args.repeats):
        seconds, loss = run(args, x, y, vocab, args.iterations)
        best = min(best, seconds)
    print("PYTORCH char-rnn %s tinyshakespeare: %.2f it/s, %.2f s per 100 it (hidden %d, batch %d, seq %d, vocab %d, "
          "torch %s, %d threads, best of %d; last loss %.3f)"
          % (args.cell, args.iterations / best, best / args.iterations * 100, args.hidden, streams, seq, vocab,
             torch.__version__, args.threads, args.repeats, loss))


if __name__ == "__main__":
    main()
