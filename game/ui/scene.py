"""Scenes and the scene stack.

A scene is one screen (title, board, debrief ...).  The stack calls its
lifecycle hooks: ``enter`` when it is pushed, ``pause`` when another scene is
pushed above it, ``resume`` when that one is popped, ``exit`` when it is
popped or replaced.  Only the top scene gets input and updates; drawing starts
at the lowest scene that is not covered by an opaque one, so overlays (pause
menu, help) show the scene beneath them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:  # pragma: no cover
    from game.ui.app import App


class Scene:
    #: short name used in screenshot file names
    name = "scene"
    #: False for overlays that let the scene below show through
    opaque = True
    #: True while an animation runs (autoplay waits, screenshots wait)
    busy = False
    #: True while the picture changes without input (a clock, a looping animation): the loop keeps drawing
    animating = False
    #: set by the app once the scene was drawn at rest, and once its screenshot was saved
    settled = False
    screenshot_taken = False

    def __init__(self, app: "App"):
        self.app = app

    # lifecycle
    def enter(self) -> None: ...
    def exit(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...

    # frame
    def handle(self, event: pygame.event.Event) -> None: ...
    def update(self, dt: float) -> None: ...
    def draw(self, surface: pygame.Surface) -> None: ...

    def resize(self, size: tuple[int, int]) -> None:
        """Called after the window size changed."""

    def repaint_changes(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Repaint only what changed since the last draw and return those
        rectangles; None (the default) asks for a whole ``draw``."""
        return None

    # autoplay: the inputs (pygame events) a player would give now, or None
    # while the scene is busy (animating) and wants no input yet.
    def autoplay(self, driver) -> list[pygame.event.Event] | None:
        return None

    # helpers
    @property
    def t(self):
        return self.app.i18n.t


class RevealScene(Scene):
    """A screen that reveals a result with an animation: Enter, Space or a click
    goes on (the first press skips the animation), Esc opens the pause menu.
    Subclasses define ``next()``; ``self.time`` counts seconds since entering."""

    time: float = 0.0

    def next(self) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.next()
            elif event.key == pygame.K_ESCAPE:
                self.app.flow.pause()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.next()

    def update(self, dt: float) -> None:
        self.time += dt


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self.log: list[tuple[str, str]] = []   # (event, scene name) for tests and debugging
        #: counts changes of the top scene (a key held across a change must not act twice)
        self.generation = 0

    def __len__(self) -> int:
        return len(self._scenes)

    def __bool__(self) -> bool:
        return bool(self._scenes)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    @property
    def scenes(self) -> tuple[Scene, ...]:
        return tuple(self._scenes)

    def push(self, scene: Scene) -> None:
        self.generation += 1
        if self._scenes:
            self._scenes[-1].pause()
            self.log.append(("pause", self._scenes[-1].name))
        self._scenes.append(scene)
        scene.enter()
        self.log.append(("enter", scene.name))

    def pop(self) -> Scene | None:
        if not self._scenes:
            return None
        self.generation += 1
        scene = self._scenes.pop()
        scene.exit()
        self.log.append(("exit", scene.name))
        if self._scenes:
            self._scenes[-1].resume()
            self.log.append(("resume", self._scenes[-1].name))
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for ``scene`` (the one below is not resumed)."""
        self.generation += 1
        if self._scenes:
            old = self._scenes.pop()
            old.exit()
            self.log.append(("exit", old.name))
        self._scenes.append(scene)
        scene.enter()
        self.log.append(("enter", scene.name))

    def clear(self, scene: Scene | None = None) -> None:
        """Pop everything (each scene exits), then push ``scene`` if given."""
        self.generation += 1
        while self._scenes:
            old = self._scenes.pop()
            old.exit()
            self.log.append(("exit", old.name))
        if scene is not None:
            self.push(scene)

    def handle(self, event: pygame.event.Event) -> None:
        if self._scenes:
            self._scenes[-1].handle(event)

    def update(self, dt: float) -> None:
        if self._scenes:
            self._scenes[-1].update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        for scene in self._scenes[start:]:
            scene.draw(surface)

    def resize(self, size: tuple[int, int]) -> None:
        for scene in self._scenes:
            scene.resize(size)
