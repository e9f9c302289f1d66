"""Short, optional sounds: an action planned, a round ended, a deal won or lost.

The tones are made with numpy when the window opens (no sound files).
Sounds stay off under autoplay and whenever the mixer cannot open (no
audio device, SDL's 'dummy' or 'disk' audio driver as in the tests): then
``play`` does nothing, without an error or a message.  The volume (0-100)
and mute come from the settings (``Settings.volume``, ``Settings.muted``)
each time a sound plays, so a change in the settings applies at once.
"""
from __future__ import annotations

import contextlib
import os

import numpy as np

#: each sound as notes (frequency in Hz, seconds); short and soft, rising for good news
TONES: dict[str, tuple[tuple[float, float], ...]] = {
    "plan": ((880.0, 0.05),),
    "end_round": ((523.25, 0.06), (659.25, 0.08)),
    "win": ((523.25, 0.08), (659.25, 0.08), (783.99, 0.08), (1046.5, 0.18)),
    "loss": ((392.0, 0.12), (329.63, 0.12), (261.63, 0.22)),
}
RATE = 44100
#: loudest sample as a share of full scale (the volume setting scales it further)
PEAK = 0.35
#: audio drivers that play nothing (tests, servers): sounds stay off
SILENT_DRIVERS = {"dummy", "disk"}


def tone(notes, rate: int = RATE, channels: int = 2) -> np.ndarray:
    """Signed 16-bit samples of ``notes`` played one after another, shaped (n, channels):
    sine waves with a soft start and a fading end (no clicks)."""
    parts = []
    for freq, seconds in notes:
        n = max(1, int(rate * seconds))
        t = np.arange(n) / rate
        wave = np.sin(2 * np.pi * freq * t) + 0.25 * np.sin(4 * np.pi * freq * t)
        attack = np.minimum(1.0, t / 0.005)
        decay = np.exp(-3.0 * t / seconds)
        parts.append(wave * attack * decay / 1.25)
    samples = np.concatenate(parts)
    fade = min(len(samples), int(rate * 0.01))
    samples[len(samples) - fade:] *= np.linspace(1.0, 0.0, fade)
    mono = np.round(samples * PEAK * 32767).astype(np.int16)
    return np.repeat(mono[:, None], channels, axis=1)


@contextlib.contextmanager
def _quiet_stderr():
    """Hide what the audio libraries print while the mixer opens (e.g. ALSA on a machine without sound)."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Sounds:
    """The game's sounds.  ``mixer`` is ``pygame.mixer`` (tests pass a fake with
    ``init``, ``get_init`` and ``Sound(buffer=...)``)."""

    def __init__(self, enabled: bool = True, mixer=None):
        self.sounds: dict[str, object] = {}
        self.ready = False
        if not enabled:
            return
        if mixer is None:
            if os.environ.get("SDL_AUDIODRIVER", "").lower() in SILENT_DRIVERS:
                return
            import pygame
            mixer = pygame.mixer
        self._open(mixer)

    def _open(self, mixer) -> None:
        try:
            with _quiet_stderr():
                if not mixer.get_init():
                    mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
                rate, size, channels = mixer.get_init()
            if size != -16 or channels not in (1, 2):
                return                        # a mixer someone else opened in another format: stay silent
            self.sounds = {name: mixer.Sound(buffer=tone(notes, rate, channels).tobytes())
                           for name, notes in TONES.items()}
            self.ready = True
        except Exception:                     # no device, no driver, no mixer module: the game plays on silently
            self.sounds, self.ready = {}, False

    def play(self, name: str, settings) -> None:
        """Play sound ``name`` at the volume of ``settings`` (nothing when muted or off)."""
        sound = self.sounds.get(name) if self.ready else None
        if sound is None or settings.muted or settings.volume <= 0:
            return
        try:
            sound.set_volume(min(100, settings.volume) / 100)
            sound.play()
        except Exception:                     # the device went away mid-game: go quiet
            self.ready = False
