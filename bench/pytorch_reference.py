#!/usr/bin/env python3
"""PyTorch reference for the benchmark: the baseline blog's training loop in PyTorch, timed the same way.

Reads the Kaggle-layout training CSV with pandas, trains the PyTorch MNIST example CNN on raw 0-255 pixels
with Adam (lr 0.005) at batch 32, slicing each batch out of the pandas DataFrame as the blog does, and
measures the same quantities as FashionMnist.Benchmarks. Prints one JSON object as its last line.
Needs torch and pandas (Debian: python3-torch, python3-pandas).
"""
import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        return F.log_softmax(self.fc2(x), dim=1)


def median_seconds(repeats, action):
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def frame_batch(frame, start, size):
    """Slice one batch out of the DataFrame and turn it into tensors, as the blog's loop does."""
    batch = frame.iloc[start:start + size]
    images = torch.tensor(batch.iloc[:, 1:].values, dtype=torch.float32).view(-1, 1, 28, 28)
    labels = torch.tensor(batch.iloc[:, 0].values, dtype=torch.long)
    return images, labels


def notebook_epoch(model, optimizer, train, dev, batch_size=32):
    model.train()
    for start in range(0, len(train), batch_size):
        images, labels = frame_batch(train, start, batch_size)
        optimizer.zero_grad()
        loss = F.nll_loss(model(images), labels)
        loss.backward()
        optimizer.step()
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(dev), 1000):
            images, labels = frame_batch(dev, start, 1000)
            correct += (model(images).argmax(1) == labels).sum().item()
    return correct / len(dev)


def split(frame):
    cut = len(frame) - round(len(frame) * 0.1)
    return frame.iloc[:cut], frame.iloc[cut:]


def train_throughput(images, labels, batch_size, batches, repeats):
    torch.manual_seed(0)
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
    model.train()
    batches = min(batches, len(images) // batch_size)

    def run():
        for b in range(batches):
            x = images[b * batch_size:(b + 1) * batch_size]
            y = labels[b * batch_size:(b + 1) * batch_size]
            optimizer.zero_grad()
            F.nll_loss(model(x), y).backward()
            optimizer.step()

    return batches * batch_size / median_seconds(repeats, run)


def inference_throughput(images, batch_size, repeats):
    torch.manual_seed(0)
    model = Net().eval()

    def run():
        with torch.no_grad():
            for start in range(0, len(images), batch_size):
                model(images[start:start + batch_size]).argmax(1)

    return len(images) / median_seconds(repeats, run)


def full_run(csv, epochs):
    """Train the whole baseline with the blog's decay rule and return the peak resident memory in MB."""
    torch.manual_seed(0)
    train, dev = split(pd.read_csv(csv))
    model = Net()
    lr = 0.005
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    best = -1.0
    for _ in range(epochs):
        accuracy = notebook_epoch(model, optimizer, train, dev)
        if accuracy > best:
            best = accuracy
        else:
            lr *= 0.8
            optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--memory-epochs", type=int, default=20)
    parser.add_argument("--child-full-run", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    if args.child_full_run:
        print(json.dumps({"peak_memory_mb": full_run(args.csv, args.memory_epochs)}))
        return

    results = {
        "csv_load_s": median_seconds(args.repeats, lambda: pd.read_csv(args.csv)),
        "csv_load_uint8_s": median_seconds(args.repeats, lambda: pd.read_csv(args.csv, dtype=np.uint8)),
    }
    frame = pd.read_csv(args.csv)
    images = torch.tensor(frame.iloc[:, 1:].values, dtype=torch.float32).view(-1, 1, 28, 28)
    labels = torch.tensor(frame.iloc[:, 0].values, dtype=torch.long)
    results["train_b32_ips"] = train_throughput(images, labels, 32, 400, args.repeats)
    results["train_b256_ips"] = train_throughput(images, labels, 256, 60, args.repeats)
    results["infer_b1000_ips"] = inference_throughput(images[:10000], 1000, args.repeats)

    torch.manual_seed(0)
    train, dev = split(frame)
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
    # One model trains a warm-up epoch and then `repeats` more, as a run does; the result is the median.
    notebook_epoch(model, optimizer, train, dev)
    epochs = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        notebook_epoch(model, optimizer, train, dev)
        epochs.append(time.perf_counter() - start)
    results["epoch_s"] = statistics.median(epochs)

    if args.memory_epochs > 0:
        child = subprocess.run(
            [sys.executable, __file__, "--csv", args.csv, "--threads", str(args.threads),
             "--memory-epochs", str(args.memory_epochs), "--child-full-run"],
            check=True, capture_output=True, text=True)
        results.update(json.loads(child.stdout.strip().splitlines()[-1]))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
