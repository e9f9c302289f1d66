"""Scene stack lifecycle: enter / exit / pause / resume in the right order."""
import pytest

from game.ui.scene import Scene, SceneStack


class Probe(Scene):
    def __init__(self, name, opaque=True):
        super().__init__(app=None)
        self.name = name
        self.opaque = opaque
        self.calls = []
        self.drawn = 0

    def enter(self): self.calls.append("enter")
    def exit(self): self.calls.append("exit")
    def pause(self): self.calls.append("pause")
    def resume(self): self.calls.append("resume")
    def handle(self, event): self.calls.append("handle")
    def update(self, dt): self.calls.append("update")
    def draw(self, surface): self.drawn += 1


def run(ops):
    stack, scenes = SceneStack(), {}
    for op in ops:
        verb, _, arg = op.partition(" ")
        if verb == "push":
            scenes[arg] = Probe(arg)
            stack.push(scenes[arg])
        elif verb == "replace":
            scenes[arg] = Probe(arg)
            stack.replace(scenes[arg])
        elif verb == "pop":
            stack.pop()
        elif verb == "clear":
            stack.clear()
    return stack, scenes


@pytest.mark.parametrize("ops, log", [
    (["push a"], [("enter", "a")]),
    (["push a", "push b"], [("enter", "a"), ("pause", "a"), ("enter", "b")]),
    (["push a", "push b", "pop"], [("enter", "a"), ("pause", "a"), ("enter", "b"), ("exit", "b"), ("resume", "a")]),
    (["push a", "replace b"], [("enter", "a"), ("exit", "a"), ("enter", "b")]),
    (["push a", "push b", "replace c", "pop"],
     [("enter", "a"), ("pause", "a"), ("enter", "b"), ("exit", "b"), ("enter", "c"), ("exit", "c"), ("resume", "a")]),
    (["push a", "push b", "clear"], [("enter", "a"), ("pause", "a"), ("enter", "b"), ("exit", "b"), ("exit", "a")]),
    (["pop"], []),
])
def test_lifecycle_order(ops, log):
    stack, _ = run(ops)
    assert stack.log == log


def test_only_the_top_scene_gets_input_and_updates():
    stack, scenes = run(["push a", "push b"])
    stack.handle(object())
    stack.update(0.016)
    assert scenes["b"].calls[-2:] == ["handle", "update"]
    assert "handle" not in scenes["a"].calls and "update" not in scenes["a"].calls


@pytest.mark.parametrize("top_opaque, drawn_below", [(True, 0), (False, 1)])
def test_overlays_show_the_scene_below(top_opaque, drawn_below):
    stack = SceneStack()
    below, top = Probe("below"), Probe("top", opaque=top_opaque)
    stack.push(below)
    stack.push(top)
    stack.draw(None)
    assert (below.drawn, top.drawn) == (drawn_below, 1)
