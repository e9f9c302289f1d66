"""The window, the 60 FPS loop, the scene stack and the event pump.

``App.frame()`` runs one frame: pump events (window, then the top scene),
update, draw every visible scene, overlay notices, flip, and save a
screenshot the first time a scene is fully drawn (``--screenshots``).  With
an autoplay driver, the app asks the top scene which inputs a player would
give now and posts them as ordinary pygame events, one per frame, so they
travel exactly the path of real key presses.
"""
from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

import pygame

from game.ui import theme
from game.ui.flow import Flow
from game.ui.i18n import Catalog
from game.ui.launch import Launch
from game.ui.scene import Scene, SceneStack
from game.ui.settings import Settings, save_settings
from game.ui.sound import Sounds
from game.ui.text import TextRenderer

FIX_PYGAME = "pip uninstall pygame && pip install pygame-ce"
#: longest sleep of an idle loop turn (ms): scenes with a clock still tick at least this often
IDLE_WAIT_MS = 250
#: sleep between looks at the event queue while idle (seconds): the most an idle window adds to input latency
IDLE_POLL_S = 0.012
#: events that change nothing on screen (a redraw is not needed for them)
QUIET_EVENTS = {pygame.NOEVENT, pygame.WINDOWMOVED, pygame.ACTIVEEVENT, pygame.TEXTEDITING,
                pygame.AUDIODEVICEADDED, pygame.AUDIODEVICEREMOVED, pygame.KEYUP}


class StartupError(Exception):
    """A problem that stops the window from opening; the message says how to fix it."""


def check_pygame() -> None:
    if not getattr(pygame, "IS_CE", False):
        raise StartupError("b2bsim needs pygame-ce, but the classic 'pygame' package is installed "
                           f"in its place. Fix it with: {FIX_PYGAME}")


class App:
    def __init__(self, settings: Settings | None = None, *, fps: int = theme.FPS,
                 screenshots: str | Path | None = None, autoplay=None, exit_at_end: bool = False,
                 fixed_dt: float | None = None, max_frames: int | None = None,
                 persist_settings: bool = True, speed: float = 1.0, launch: Launch | None = None):
        check_pygame()
        self.settings = settings or Settings()
        self.fps = fps
        self.fixed_dt = fixed_dt
        self.speed = speed                  # animation speed (autoplay demos run faster)
        self.max_frames = max_frames
        self.persist_settings = persist_settings
        self.autoplay = autoplay
        self.screenshot_dir = Path(screenshots) if screenshots else None
        self.screenshots: list[Path] = []
        self._shot_requests: list[str] = []
        self._pending: list[pygame.event.Event] = []
        self.notices: list[list] = []      # [text, seconds left]
        #: keys held on the real keyboard -> the scene generation they were pressed in
        self.held: dict[int, int] = {}
        self.stack = SceneStack()
        self.running = False
        self.exit_code = 0
        self.frames = 0
        self.redraws = 0
        #: something changed since the last draw (input, a new scene, a resize, an animation)
        self.dirty = True
        self._drawn_generation = -1
        self._full_size = (0, 0)
        self._notice_shown = False
        self.update_rects: list | None = None     # what the last draw changed (None: everything)
        launch = launch or Launch()
        #: what the game was started with (immutable; replaced as a whole by the flow)
        self.launch = Launch(**{**launch.__dict__, "exit_at_end": launch.exit_at_end or exit_at_end})
        #: which scene comes next; owns the deal being played
        self.flow = Flow(self)

        if sys.platform.startswith("linux"):
            # SDL would otherwise show the window through an OpenGL texture (software Mesa on most
            # desktops without a GPU driver, and under Xvfb): every display update then costs 15-20 ms at
            # 1920x1080 whatever its size. The plain X11 shared-memory surface updates in well under 1 ms.
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        try:
            pygame.display.init()
            pygame.font.init()
        except pygame.error as exc:
            raise StartupError(f"could not open the game window ({exc}). On a machine without a "
                               "screen, run it under Xvfb or set SDL_VIDEODRIVER=dummy") from None
        if self.screenshot_dir:
            self.screenshot_dir.mkdir(parents=True, exist_ok=True)
        self.surface = self._open_window()
        pygame.display.set_caption("b2bsim")
        pygame.key.set_repeat(350, 40)
        self.text = TextRenderer(warn=self.warn)
        self.i18n = Catalog(self.settings.language)
        self.metrics = theme.metrics(self.surface.get_size(), self.settings.text_size)
        self.clock = pygame.time.Clock()
        #: short sounds; off under autoplay and when no audio device opens (game.ui.sound)
        self.sounds = Sounds(enabled=autoplay is None)

    # ------------------------------------------------------------ window
    def _open_window(self) -> pygame.Surface:
        flags = pygame.RESIZABLE
        size = self.settings.size
        if self.settings.fullscreen:
            flags = pygame.FULLSCREEN
            size = (0, 0)
        try:
            surface = pygame.display.set_mode(size, flags)
        except pygame.error as exc:
            raise StartupError(f"could not open the game window ({exc}). On a machine without a "
                               "screen, run it under Xvfb or set SDL_VIDEODRIVER=dummy") from None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = theme.MIN_SIZE
        except Exception:  # older SDL or a dummy driver: the layout still clamps
            pass
        return surface

    def set_window(self, size: tuple[int, int], fullscreen: bool) -> None:
        self.settings = self.settings.with_(width=size[0], height=size[1], fullscreen=fullscreen)
        self.surface = self._open_window()
        self._resized()
        self.save_settings()

    def _resized(self) -> None:
        self.surface = pygame.display.get_surface()
        self.metrics = theme.metrics(self.surface.get_size(), self.settings.text_size)
        self.stack.resize(self.surface.get_size())

    def set_language(self, lang: str) -> None:
        self.settings = self.settings.with_(language=lang)
        self.i18n = Catalog(lang)
        self.stack.resize(self.surface.get_size())
        self.save_settings()

    def set_text_size(self, text_size: str) -> None:
        self.settings = self.settings.with_(text_size=text_size)
        self._resized()
        self.save_settings()

    def set_confirm_end(self, confirm: bool) -> None:
        self.settings = self.settings.with_(confirm_end=confirm)
        self.save_settings()

    def set_sound(self, muted: bool, volume: int) -> None:
        self.settings = self.settings.with_(muted=muted, volume=volume)
        self.save_settings()
        self.play("plan")                   # hear the new volume at once

    def play(self, sound: str) -> None:
        """Play one of the short sounds (``game.ui.sound.TONES``) at the set volume, unless muted."""
        self.sounds.play(sound, self.settings)

    def set_motion(self, motion: str) -> None:
        self.settings = self.settings.with_(motion=motion)
        self.save_settings()

    def save_settings(self) -> None:
        if not self.persist_settings:
            return
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.warn(f"could not save the settings ({exc})")

    # ------------------------------------------------------------ helpers for scenes
    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    @property
    def deal(self):
        """The deal being played (``game.ui.deal.Deal``), owned by the flow."""
        return self.flow.deal

    @deal.setter
    def deal(self, deal) -> None:
        self.flow.deal = deal

    @property
    def exit_at_end(self) -> bool:
        return self.launch.exit_at_end

    @property
    def motion(self) -> float:
        """Animation speed factor: 0 means show the end state at once."""
        return 0.0 if self.settings.motion == "reduced" else 1.0

    def names_member(self, member_id: str | None) -> str:
        return self.deal.names.member(member_id) if self.deal else (member_id or "")

    def names_benefit(self, benefit_id: str | None) -> str:
        return self.deal.names.benefit(benefit_id) if self.deal else (benefit_id or "")

    def names_rival(self, rival_id: str | None) -> str:
        return self.deal.names.rival(rival_id) if self.deal else (rival_id or "")

    def warn(self, message: str) -> None:
        print(f"b2bsim: warning: {message}", file=sys.stderr)

    def changed(self) -> None:
        """Ask for a redraw (a scene whose picture changed without input, e.g. a clock)."""
        self.dirty = True

    def notify(self, text: str, seconds: float = 3.0) -> None:
        self.notices = [n for n in self.notices if n[0] != text][-2:] + [[text, seconds]]

    def snap(self, tag: str) -> None:
        """Ask for a screenshot of the next frame (e.g. a new debrief tab)."""
        if self.screenshot_dir:
            self._shot_requests.append(tag)
            self.dirty = True

    def quit(self, code: int = 0) -> None:
        self.exit_code = code
        self.running = False

    # ------------------------------------------------------------ loop
    def run(self, scene: Scene, *above: Scene) -> int:
        """Run until quit; ``above`` are pushed on top of ``scene`` (e.g. the
        title with the scenario picker over it)."""
        self.stack.push(scene)
        for other in above:
            self.stack.push(other)
        self.running = True
        while self.running and self.stack:
            self.frame()
            if self.max_frames and self.frames >= self.max_frames:
                self.warn(f"stopped after {self.frames} frames without reaching the end")
                self.exit_code = 1
                break
        self.stack.clear()
        return self.exit_code

    def needs_redraw(self) -> bool:
        """True when the next frame must draw: input arrived, the scene changed,
        an animation runs or a notice counts down."""
        top = self.stack.top
        return (self.dirty or bool(self.notices) or bool(self._shot_requests)
                or self.stack.generation != self._drawn_generation
                or (top is not None and (top.busy or top.animating or not top.settled)))

    @staticmethod
    def wait_for_events(seconds: float) -> list[pygame.event.Event]:
        """Sleep until input arrives or ``seconds`` pass.  (``pygame.event.wait``
        polls inside SDL and keeps about 3% of a core busy; short sleeps between
        cheap looks at the queue cost a tenth of that, for at most IDLE_POLL_S of
        extra latency.)"""
        deadline = time.perf_counter() + seconds
        while True:
            events = pygame.event.get()
            if events or time.perf_counter() >= deadline:
                return events
            time.sleep(IDLE_POLL_S)

    def frame(self) -> None:
        """One turn of the loop.  When nothing changes, it sleeps until input
        arrives (or IDLE_WAIT_MS pass) instead of redrawing the same picture
        60 times a second."""
        waited: list[pygame.event.Event] = []
        if self.fps and self.autoplay is None and not self.needs_redraw():
            waited = self.wait_for_events(IDLE_WAIT_MS / 1000)
        ms = self.clock.tick(self.fps) if self.fps else self.clock.tick()
        dt = (self.fixed_dt if self.fixed_dt is not None else min(ms / 1000.0, 0.1)) * self.speed
        self.frames += 1
        self._drive_autoplay()
        events = waited + pygame.event.get()
        for event in events:
            self.handle(event)
            if not self.running:
                return
        self.stack.update(dt)
        if not self.needs_redraw():
            return
        self.draw(dt)
        if self.update_rects is None:
            pygame.display.flip()
        elif self.update_rects:
            pygame.display.update(self.update_rects)
        self._screenshot()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type not in QUIET_EVENTS:
            self.dirty = True
        if event.type == pygame.QUIT:          # the window's close button: a deal in progress asks first
            self.flow.leave_deal(lambda: self.quit(0))
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if self.surface.get_size() != pygame.display.get_surface().get_size() or \
                    event.type == pygame.VIDEORESIZE:
                self._resized()
                if not self.settings.fullscreen:
                    w, h = self.surface.get_size()
                    self.settings = self.settings.with_(width=w, height=h)
            return
        if self.stale_key(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.set_window(self.settings.size, not self.settings.fullscreen)
            return
        self.stack.handle(event)

    def stale_key(self, event: pygame.event.Event) -> bool:
        """True for the auto-repeat of a key pressed on an earlier scene.

        Holding Enter on the round result would otherwise go on to the board
        and keep planning there; such a key acts again only after it was let
        go. Only presses from the keyboard count (their scancode is set):
        autoplay and tests post key presses without a release."""
        if event.type == pygame.KEYUP:
            self.held.pop(getattr(event, "key", None), None)
            return False
        if event.type == pygame.WINDOWFOCUSLOST:     # its key releases may never arrive
            self.held.clear()
            return False
        if event.type != pygame.KEYDOWN or not getattr(event, "scancode", 0):
            return False
        pressed_in = self.held.setdefault(event.key, self.stack.generation)
        return pressed_in != self.stack.generation

    def draw(self, dt: float = 0.0) -> None:
        """Draw what changed: a scene that can (``repaint_changes``, the board)
        repaints only its changed regions when it is alone on screen and was
        fully drawn before; ``update_rects`` then lists them (None = the whole
        window must be shown)."""
        top = self.stack.top
        rects = None
        if (top is not None and top.opaque and not self.notices
                and self._drawn_generation == self.stack.generation and self._full_size == self.size
                and not self._notice_shown):
            rects = top.repaint_changes(self.surface)
        if rects is None:
            self.stack.draw(self.surface)
            self._draw_notices(dt)
            self._full_size = self.size
        self._notice_shown = bool(self.notices)
        self.update_rects = rects
        self.redraws += 1
        self.dirty = False
        self._drawn_generation = self.stack.generation
        if self.stack and not self.stack.top.busy:
            self.stack.top.settled = True      # drawn at rest: animations have finished

    def _draw_notices(self, dt: float) -> None:
        if not self.notices:
            return
        m = self.metrics
        y = self.surface.get_height() - m.font(34) * 2
        for notice in reversed(self.notices):
            text, left = notice
            lines = self.text.wrap(text, m.body, self.surface.get_width() * 2 // 3)
            lh = self.text.line_height(m.body)
            rect = pygame.Rect(0, 0, max(self.text.width(s, m.body) for s in lines) + 2 * m.pad,
                               lh * len(lines) + m.pad)
            rect.midbottom = (self.surface.get_width() // 2, y)
            pygame.draw.rect(self.surface, theme.INK, rect, border_radius=8)
            pygame.draw.rect(self.surface, theme.ORANGE, rect, 2, border_radius=8)
            for i, line in enumerate(lines):
                self.text.draw(self.surface, line, (rect.centerx, rect.y + m.pad // 2 + i * lh), m.body,
                               (255, 255, 255), False, "midtop")
            y = rect.top - m.pad
            notice[1] = left - dt
        self.notices = [n for n in self.notices if n[1] > 0]

    # ------------------------------------------------------------ autoplay + screenshots
    def _drive_autoplay(self) -> None:
        if self.autoplay is None or not self.stack:
            return
        if not self.stack.top.settled:
            return      # let every scene be seen (and screenshotted) before acting on it
        if not self._pending:
            inputs = self.stack.top.autoplay(self.autoplay)
            if inputs:
                self._pending = list(inputs)
        if self._pending:
            pygame.event.post(self._pending.pop(0))

    def _screenshot(self) -> None:
        if not self.screenshot_dir or not self.stack:
            return
        top = self.stack.top
        tags = []
        if top.settled and not top.screenshot_taken:
            top.screenshot_taken = True
            tags.append(top.name)
        tags.extend(self._shot_requests)
        self._shot_requests.clear()
        for tag in tags:
            path = self.screenshot_dir / f"{len(self.screenshots) + 1:02d}_{tag}.png"
            pygame.image.save(self.surface, str(path))
            self.screenshots.append(path)
