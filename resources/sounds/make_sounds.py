"""Writes the alert sounds (run once: python resources/sounds/make_sounds.py). Standard library only.

alert.wav    — two rising tones, for a new critical/high alert.
escalate.wav — three fast high tones, for an alert nobody acknowledged in time.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tones(parts, volume=0.6):
    frames = bytearray()
    for freq, seconds in parts:
        n = int(RATE * seconds)
        for i in range(n):
            # 5 ms fade in/out per tone: no clicks.
            env = min(1.0, i / (RATE * 0.005), (n - i) / (RATE * 0.005))
            sample = volume * env * math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
            frames += struct.pack("<h", int(sample * 32767))
    return bytes(frames)


def write(name, parts):
    path = Path(__file__).with_name(name)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(tones(parts))


if __name__ == "__main__":
    write("alert.wav", [(880, 0.18), (0, 0.05), (1175, 0.28)])
    write("escalate.wav", [(1319, 0.12), (0, 0.04)] * 3 + [(1568, 0.3)])
